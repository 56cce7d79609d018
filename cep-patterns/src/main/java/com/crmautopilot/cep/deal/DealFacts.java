package com.crmautopilot.cep.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Fact names and values shared by the deal triggers' templates. Dates are ISO-8601; day counts are whole days. */
public final class DealFacts {

    public static final String DEAL_NAME = "deal_name";
    public static final String STAGE = "stage";
    public static final String AMOUNT = "amount";
    public static final String CLOSE_DATE = "close_date";
    public static final String CLEARED_REASON = "cleared_reason";

    static final long DAY = 86_400_000L;

    private DealFacts() {
    }

    static Map<String, String> base(DealState deal) {
        Map<String, String> facts = new HashMap<>();
        put(facts, DEAL_NAME, deal.name);
        put(facts, STAGE, deal.stage);
        if (deal.amount != null) {
            facts.put(AMOUNT, amount(deal.amount));
        }
        if (deal.closeEpochDay != null) {
            facts.put(CLOSE_DATE, LocalDate.ofEpochDay(deal.closeEpochDay).toString());
        }
        return facts;
    }

    static void put(Map<String, String> facts, String name, String value) {
        if (value != null) {
            facts.put(name, value);
        }
    }

    static String days(long millis) {
        return Long.toString(Math.floorDiv(millis, DAY));
    }

    static String instant(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String amount(double amount) {
        return amount == Math.rint(amount) && Math.abs(amount) < 1e15 ? Long.toString((long) amount)
                : Double.toString(amount);
    }

    /** The instant the close date is behind the deal: the end of the close day, UTC. */
    static long closeDayEnd(long closeEpochDay) {
        return (closeEpochDay + 1) * DAY;
    }
}

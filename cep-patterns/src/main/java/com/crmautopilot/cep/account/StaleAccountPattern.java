package com.crmautopilot.cep.account;

import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

import java.time.Duration;

/**
 * The stale-account pattern: a touch ({@value #LAST_TOUCH}) not followed by another ({@value #NEXT_TOUCH}) within
 * the silence. Each touch starts a partial match and ends the previous one, so a key holds at most one; the match
 * completes when event time passes the window without a touch. Skip past the last event: a match is one episode.
 */
public final class StaleAccountPattern {

    public static final String LAST_TOUCH = "last_touch";
    public static final String NEXT_TOUCH = "next_touch";

    private StaleAccountPattern() {
    }

    public static Pattern<AccountTouch, AccountTouch> of(Duration silence) {
        return Pattern.<AccountTouch>begin(LAST_TOUCH, AfterMatchSkipStrategy.skipPastLastEvent())
                .where(new AnyTouch())
                .notFollowedBy(NEXT_TOUCH)
                .where(new AnyTouch())
                .within(silence);
    }

    /** Every record of the condensed touch stream is a touch; the condition names the stage's meaning. */
    static final class AnyTouch extends SimpleCondition<AccountTouch> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(AccountTouch touch) {
            return true;
        }
    }
}

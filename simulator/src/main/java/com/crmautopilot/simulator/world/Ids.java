package com.crmautopilot.simulator.world;

/** Readable, sortable ids: {@code lead-00042}, {@code opp-00007}. */
public final class Ids {

    private Ids() {
    }

    public static String padded(String prefix, long number, int width) {
        String digits = Long.toString(number);
        StringBuilder out = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
        out.append(prefix);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    public static String tenant(int index) {
        return "t" + (index + 1);
    }
}

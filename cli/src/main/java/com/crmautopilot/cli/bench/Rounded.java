package com.crmautopilot.cli.bench;

/** The precision of the benchmarks' JSON figures: further digits would be noise from one run to the next. */
public final class Rounded {

    private Rounded() {
    }

    /** For rates, times in ms and sizes. */
    public static double toTenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** For ratios and times in seconds. */
    public static double toThousandths(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

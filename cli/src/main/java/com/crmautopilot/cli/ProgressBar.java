package com.crmautopilot.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar for long steps. On a terminal it redraws in place; when output is redirected it
 * prints a line every 10% so logs stay readable.
 */
public final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private int lastDecile = -1;
    private long lastDrawNanos;

    public ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
        this.interactive = System.console() != null;
    }

    /** @param fraction between 0 and 1; {@code detail} is shown after the bar */
    public synchronized void update(double fraction, String detail) {
        double f = Math.max(0, Math.min(1, fraction));
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDrawNanos < 100_000_000L && f < 1) {
                return;
            }
            lastDrawNanos = now;
            int filled = (int) Math.round(f * WIDTH);
            out.printf(Locale.ROOT, "\r%s [%s%s] %3d%% %s  ", label, "#".repeat(filled), "-".repeat(WIDTH - filled),
                    Math.round(f * 100), detail);
            out.flush();
        } else {
            int decile = (int) Math.floor(f * 10);
            if (decile > lastDecile) {
                lastDecile = decile;
                out.printf(Locale.ROOT, "%s %3d%% %s%n", label, decile * 10, detail);
            }
        }
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public synchronized void close() {
        if (interactive) {
            out.println();
        }
    }
}

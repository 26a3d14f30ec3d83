package org.alignscope.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.alignscope.linalg.progress.Progress;

/**
 * Renders a {@link Progress} on standard error, so standard output stays parseable. On a terminal: one line
 * redrawn in place ({@code \r}) at most every 100 ms, {@code label [#####.....]  42%  1.2k steps/s  ETA 0:35}.
 * Otherwise plain lines, {@code label: 42% (420/1000 steps, 1.2k steps/s, ETA 0:35)}, one each time another
 * 5 % is done or 10 s have passed with progress, and one at the end. The rate is units per second since the first
 * report; the ETA is the remaining units at that rate.
 */
final class ProgressBar implements Progress {
    static final long REDRAW_NANOS = 100_000_000L;
    static final long PLAIN_NANOS = 10_000_000_000L;
    static final int PLAIN_PERCENT = 5;
    static final int BAR_WIDTH = 24;

    private final String label;
    private final String unit;
    private final PrintStream err;
    private final boolean terminal;
    private final LongSupplier clock;
    private long start = -1;
    private long lastOutput;
    private long lastDone = -1;
    private int lastPercent = -PLAIN_PERCENT;
    private long lastTotal;
    private int lastWidth;
    private boolean ended;

    ProgressBar(String label, String unit, PrintStream err, boolean terminal, LongSupplier clock) {
        this.label = label;
        this.unit = unit;
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public synchronized void report(long done, long total) {
        long now = clock.getAsLong();
        if (start < 0) {
            start = now;
            lastOutput = now;
        }
        if (ended || done == lastDone && done < total) {
            return;
        }
        double seconds = (now - start) / 1e9;
        boolean end = done >= total;
        int percent = percent(done, total);
        if (terminal) {
            if (end || now - lastOutput >= REDRAW_NANOS) {
                String line = bar(label, done, total, seconds, unit);
                err.print("\r" + line + (end ? "\n" : ""));
                err.flush();
                lastOutput = now;
                lastWidth = line.length();
            }
        } else if (end || percent >= lastPercent + PLAIN_PERCENT || (now - lastOutput >= PLAIN_NANOS && done > lastDone)) {
            err.println(plain(label, done, total, seconds, unit));
            err.flush();
            lastOutput = now;
            lastPercent = percent;
        }
        lastDone = done;
        lastTotal = total;
        ended = end;
    }

    /**
     * Prints a message line (an event such as a divergence) on standard error; on a terminal it replaces the bar,
     * which is drawn again below it.
     */
    synchronized void message(String text) {
        if (terminal && lastWidth > 0 && !ended) {
            err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())) + "\n");
            err.print("\r" + bar(label, lastDone, lastTotal, (clock.getAsLong() - start) / 1e9, unit));
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** A message through {@code p} when it is a bar, else straight to standard error. */
    static void message(Progress p, String text) {
        if (p instanceof ProgressBar bar) {
            bar.message(text);
        } else {
            System.err.println(text);
        }
    }

    static int percent(long done, long total) {
        return total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    }

    /** The terminal line: label, a bar of {@link #BAR_WIDTH} characters, percent, rate and ETA. */
    static String bar(String label, long done, long total, double seconds, String unit) {
        int filled = total <= 0 ? BAR_WIDTH : (int) (BAR_WIDTH * Math.min(1.0, done / (double) total));
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %s %s/s  ETA %s", label, "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), percent(done, total), compact(rate(done, seconds)), unit,
                eta(done, total, seconds));
    }

    /** The line-based form. */
    static String plain(String label, long done, long total, double seconds, String unit) {
        return String.format(Locale.ROOT, "%s: %d%% (%d/%d %s, %s %s/s, ETA %s)", label, percent(done, total), done,
                total, unit, compact(rate(done, seconds)), unit, eta(done, total, seconds));
    }

    static double rate(long done, double seconds) {
        return seconds > 0 ? done / seconds : 0;
    }

    /** Remaining time at the mean rate so far as h:mm:ss or m:ss; "?" before any unit is done. */
    static String eta(long done, long total, double seconds) {
        if (done >= total) {
            return "0:00";
        }
        if (done <= 0 || seconds <= 0) {
            return "?";
        }
        long s = Math.round((total - done) * seconds / done);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Three significant digits with k, M, G suffixes: 0.25, 12.5, 950, 1.23k, 4.56M. */
    static String compact(double v) {
        String[] suffix = {"", "k", "M", "G"};
        int i = 0;
        while (Math.abs(v) >= 999.5 && i < suffix.length - 1) {
            v /= 1000;
            i++;
        }
        String digits = Math.abs(v) >= 99.95 ? String.format(Locale.ROOT, "%.0f", v)
                : Math.abs(v) >= 9.995 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return digits + suffix[i];
    }
}

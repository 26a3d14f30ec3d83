package org.alignscope.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The measured coverage of the monitor's 95 % intervals, as the messages quote it. The table is the committed
 * resource {@code interval-coverage.csv} beside this class, written by {@code alignscope monitor-coverage} (the
 * fraction of seeds of the paper's quadratic whose interval contains the exact value, per noise level σ, number of
 * samples r and quantity; regenerate it with that command and copy its {@code coverage.csv} over the resource).
 *
 * <p>Below {@link #CALIBRATED_SAMPLES} samples an interval of a quantity whose coverage measured at
 * {@link #QUOTED_SAMPLES} samples lies outside [{@link #BAND_LOW}, {@link #BAND_HIGH}] (for the noise level where it
 * is farthest from 95 %) carries that measured coverage, so a reader does not take it for a calibrated 95 %.
 */
public final class IntervalCoverage {
    /** The columns of the table. */
    public static final List<String> HEADER = List.of("sigma", "samples", "quantity", "seeds", "covered", "coverage",
            "wilson_lower", "wilson_upper");
    /** The r whose measured coverage is quoted. */
    public static final int QUOTED_SAMPLES = 16;
    /** From this r on the intervals are taken as calibrated and carry no note. */
    public static final int CALIBRATED_SAMPLES = 64;
    /** The band of coverages that counts as calibrated. */
    public static final double BAND_LOW = 0.93;
    public static final double BAND_HIGH = 0.97;

    private static final String RESOURCE = "interval-coverage.csv";

    private IntervalCoverage() {
    }

    /**
     * " (95% interval covers 89% at r = 16)" when an interval from {@code samples} &lt; 64 noise samples belongs
     * to a quantity measured outside the band at r = 16; otherwise "".
     */
    public static String note(String quantity, int samples) {
        Double coverage = Table.QUOTED.get(quantity);
        return coverage == null ? "" : note(coverage, samples);
    }

    /** The note for a quantity whose intervals covered {@code coverage} at r = 16. */
    static String note(double coverage, int samples) {
        if (samples >= CALIBRATED_SAMPLES || (coverage >= BAND_LOW && coverage <= BAND_HIGH)) {
            return "";
        }
        return String.format(Locale.ROOT, " (95%% interval covers %.0f%% at r = %d)", 100 * coverage,
                QUOTED_SAMPLES);
    }

    /** The quoted coverages, read once: quantity → the coverage at r = 16 farthest from 95 % over the noise levels. */
    private static final class Table {
        static final Map<String, Double> QUOTED = read();

        private static Map<String, Double> read() {
            Map<String, Double> quoted = new HashMap<>();
            try (InputStream in = IntervalCoverage.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + RESOURCE + " is missing from the monitor's jar");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String header = lines.readLine();
                if (!String.join(",", HEADER).equals(header)) {
                    throw new IllegalStateException(RESOURCE + " has the header " + header + ", expected " + HEADER);
                }
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] f = line.split(",");
                    if (Integer.parseInt(f[1]) != QUOTED_SAMPLES) {
                        continue;
                    }
                    double coverage = Double.parseDouble(f[5]);
                    quoted.merge(f[2], coverage, (a, b) -> Math.abs(b - ConfidenceInterval.LEVEL)
                            > Math.abs(a - ConfidenceInterval.LEVEL) ? b : a);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(quoted);
        }
    }
}

package org.alignscope.report.html;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as the page needs them, cheaply: a page of 63 trajectory files reads and rounds a million values, and
 * {@link Double#parseDouble} and {@link BigDecimal} spend most of their time on the 16th and 17th digits of each,
 * which the page throws away. Both methods here are exact where the digits are few and otherwise err by at most
 * about one unit in the last place of a double — far below the seven significant digits the page keeps.
 */
final class PageNumbers {
    /** The page keeps seven significant digits of each value: far more than a chart can show. */
    static final int DIGITS = 7;
    private static final MathContext SEVEN = new MathContext(DIGITS);
    /** 10^0 ... 10^22: every one of them is a double exactly. */
    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private PageNumbers() {
    }

    /**
     * A decimal number as {@link org.alignscope.io.CsvWriter} writes one ({@code -12.5}, {@code 3.0E-4},
     * {@code 7}): the first 18 significant digits scaled by an exact power of ten, so within about one unit in the
     * last place; exact for up to 15 digits. Anything else (more exponent than that, text) goes to
     * {@link Double#parseDouble}, which throws {@link NumberFormatException} for what is not a number.
     */
    static double parse(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean anyDigit = false;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (digits < 18) {
                    if (mantissa != 0 || c != '0') {
                        digits++;
                    }
                    mantissa = mantissa * 10 + (c - '0');
                    scale -= point ? 1 : 0;
                } else {
                    scale += point ? 0 : 1;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (i < n && (s.charAt(i) == 'E' || s.charAt(i) == 'e') && anyDigit) {
            int e = 0;
            boolean negativeExponent = false;
            int j = i + 1;
            if (j < n && (s.charAt(j) == '-' || s.charAt(j) == '+')) {
                negativeExponent = s.charAt(j) == '-';
                j++;
            }
            int start = j;
            for (; j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9' && e < 10_000; j++) {
                e = e * 10 + (s.charAt(j) - '0');
            }
            if (j == start) {
                return Double.parseDouble(s);
            }
            scale += negativeExponent ? -e : e;
            i = j;
        }
        if (i != n || !anyDigit || Math.abs(scale) >= POWERS.length) {
            return Double.parseDouble(s);
        }
        double v = scale >= 0 ? mantissa * POWERS[scale] : mantissa / POWERS[-scale];
        return negative ? -v : v;
    }

    /**
     * {@code v} to {@value #DIGITS} significant digits (half away from zero), as the nearest double to that
     * decimal; non-finite values unchanged.
     */
    static double round(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return v;
        }
        double a = Math.abs(v);
        int shift = DIGITS - 1 - (int) Math.floor(Math.log10(a));
        double scaled = scaled(a, shift);
        if (scaled >= POWERS[DIGITS] - 0.5) {
            shift--;
            scaled = scaled(a, shift);
        } else if (scaled < POWERS[DIGITS - 1] - 0.5) {
            shift++;
            scaled = scaled(a, shift);
        }
        if (Double.isNaN(scaled)) {
            return new BigDecimal(v).round(SEVEN).doubleValue();
        }
        double whole = Math.floor(scaled + 0.5);
        double r = shift >= 0 ? whole / POWERS[shift] : whole * POWERS[-shift];
        return v < 0 ? -r : r;
    }

    /** a · 10^shift, or NaN where 10^|shift| is not an exact double. */
    private static double scaled(double a, int shift) {
        if (Math.abs(shift) >= POWERS.length) {
            return Double.NaN;
        }
        return shift >= 0 ? a * POWERS[shift] : a / POWERS[-shift];
    }
}

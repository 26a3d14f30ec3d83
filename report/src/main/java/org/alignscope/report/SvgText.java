package org.alignscope.report;

import java.awt.Color;
import java.util.Locale;

/** The small pieces of SVG markup the figure writer needs: escaped text, short numbers, colours. */
final class SvgText {
    private SvgText() {
    }

    /** {@code s} safe inside an XML element or a double-quoted attribute. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A coordinate to a tenth of a pixel (finer than any screen or print needs), without trailing zeros. */
    static void coordinate(StringBuilder b, double v) {
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            b.append('-');
            tenths = -tenths;
        }
        b.append(tenths / 10);
        if (tenths % 10 != 0) {
            b.append('.').append(tenths % 10);
        }
    }

    static String coordinate(double v) {
        StringBuilder b = new StringBuilder(8);
        coordinate(b, v);
        return b.toString();
    }

    /** {@code #rrggbb}, with the alpha as a separate opacity attribute where the colour is not opaque. */
    static String paint(String attribute, Color c) {
        String rgb = String.format(Locale.ROOT, "%s=\"#%02x%02x%02x\"", attribute, c.getRed(), c.getGreen(), c.getBlue());
        return c.getAlpha() == 255 ? rgb
                : rgb + String.format(Locale.ROOT, " %s-opacity=\"%.3f\"", attribute, c.getAlpha() / 255.0);
    }
}

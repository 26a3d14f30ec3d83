package org.alignscope.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line as {@link org.alignscope.io.CsvWriter} writes it: fields separated by commas, a field
 * in double quotes may hold commas, and a doubled quote inside it stands for one quote.
 */
final class CsvLine {
    private CsvLine() {
    }

    static String[] parse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else if (c != '\r') {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields.toArray(new String[0]);
    }
}

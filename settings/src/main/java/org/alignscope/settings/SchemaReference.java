package org.alignscope.settings;

/**
 * A schema as Markdown reference tables: one table per section, one row per setting with its key (or option), what
 * is allowed, the default, the unit and the meaning. The docs' reference pages are made from it, so they cannot
 * drift from the code.
 */
public final class SchemaReference {
    private SchemaReference() {
    }

    /** The schema's table and its sections' tables, under headings of the given level. */
    public static String markdown(Schema schema, int level) {
        StringBuilder out = new StringBuilder();
        write(schema, level, out);
        return out.toString();
    }

    private static void write(Schema schema, int level, StringBuilder out) {
        String title = schema.place() == Schema.Place.COMMAND_LINE ? "alignscope " + schema.key()
                : schema.path().isEmpty() ? "top level" : schema.path();
        out.append("#".repeat(level)).append(" `").append(title).append("`\n\n");
        if (schema.meaning() != null && !schema.meaning().isEmpty()) {
            out.append(schema.meaning()).append("\n\n");
        }
        if (!schema.settings().isEmpty()) {
            out.append(table(schema)).append('\n');
        }
        for (Schema section : schema.sections()) {
            write(section, level + 1, out);
        }
    }

    /** The schema's own settings as one table (no heading, no sections). */
    public static String table(Schema schema) {
        StringBuilder out = new StringBuilder();
        boolean options = schema.place() == Schema.Place.COMMAND_LINE;
        out.append(options ? "| option " : "| key ").append("| allowed | default | unit | meaning |\n");
        out.append("|---|---|---|---|---|\n");
        for (Setting<?> s : schema.settings()) {
            out.append("| `").append(options ? s.option() : s.key()).append("` | ")
                    .append(cell(s.type().isFlag() && options ? "switch" : s.type().allowed())).append(" | ")
                    .append(cell(s.fallback().text())).append(" | ")
                    .append(s.unit() == null ? "" : cell(s.unit())).append(" | ")
                    .append(cell(s.meaning())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

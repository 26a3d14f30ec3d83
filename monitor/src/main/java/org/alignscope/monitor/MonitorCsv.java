package org.alignscope.monitor;

import java.nio.file.Path;
import org.alignscope.io.CsvWriter;

/**
 * Writes monitor rows to a CSV file, one whole row at a time (a killed run keeps what it wrote); the columns are
 * {@link MonitorColumn#ALL}.
 */
public final class MonitorCsv implements AutoCloseable {
    /** The columns, in order. */
    public static final String[] HEADER = MonitorColumn.names().toArray(String[]::new);

    private final CsvWriter w;

    public MonitorCsv(Path file) {
        this.w = new CsvWriter(file, true, HEADER);
    }

    /** Writes one row. */
    public void write(MonitorRow row) {
        w.row(MonitorColumn.values(row).values().toArray());
    }

    @Override
    public void close() {
        w.close();
    }
}

package org.alignscope.report.html;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a CSV file that another process appends to: each {@link #poll} returns the complete lines written
 * since the previous one (a line still being written waits for its newline). The first line is the header.
 * A file that became shorter than what was read (a resumed run truncates its metrics to the checkpoint) is
 * read again from the start, and the poll says so.
 */
final class CsvTail {
    /** New rows, and whether the file was restarted (earlier rows are void). */
    record Chunk(boolean reset, List<String[]> rows) {
    }

    private final Path file;
    private long offset;
    private String[] header;

    CsvTail(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The header, or null before the first line is complete. */
    String[] header() {
        return header;
    }

    Chunk poll() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            boolean reset = false;
            long size = ch.size();
            if (size < offset) {
                offset = 0;
                header = null;
                reset = true;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            ch.position(offset);
            while (ch.read(buf) > 0) {
                bytes.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            byte[] b = bytes.toByteArray();
            int end = b.length;
            while (end > 0 && b[end - 1] != '\n') {
                end--;
            }
            offset += end;
            List<String[]> rows = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < end; i++) {
                if (b[i] == '\n') {
                    String line = new String(b, start, i - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    if (line.isBlank()) {
                        continue;
                    }
                    if (header == null) {
                        header = CsvLine.parse(line);
                    } else {
                        rows.add(CsvLine.parse(line));
                    }
                }
            }
            return new Chunk(reset, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}

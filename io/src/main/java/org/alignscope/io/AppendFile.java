package org.alignscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file that grows by whole records (a CSV or JSON Lines row): each record reaches the file in one write, and a
 * record that cannot be written whole (a full disk) is cut off again, so the file never ends in a torn row. Its
 * length after the last whole record is what a checkpoint records and a resume cuts back to.
 */
public final class AppendFile implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private long length;

    private AppendFile(Path file, FileChannel channel, long length) {
        this.file = file;
        this.channel = channel;
        this.length = length;
    }

    /** Creates {@code file}, replacing an old one. */
    public static AppendFile create(Path file) {
        try {
            AtomicFile.createParent(file);
            return new AppendFile(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), 0);
        } catch (IOException e) {
            throw IoFailure.of("write", file, e);
        }
    }

    /**
     * Opens an existing {@code file} cut back to {@code length} bytes (a resume).
     *
     * @throws IllegalArgumentException naming the file when it is missing or shorter than {@code length}: it is not
     *     the file the checkpoint was written with
     */
    public static AppendFile resume(Path file, long length) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
            if (ch.size() < length) {
                long size = ch.size();
                ch.close();
                throw new IllegalArgumentException(file + " is shorter (" + size
                        + " bytes) than the checkpoint recorded (" + length + ")");
            }
            ch.truncate(length);
            ch.position(length);
            return new AppendFile(file, ch, length);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + " is missing (the run folder is damaged)");
        } catch (IOException e) {
            throw IoFailure.of("open", file, e);
        }
    }

    /** Bytes of whole records written. */
    public long length() {
        return length;
    }

    /** Appends one record (UTF-8), whole or not at all. */
    public void append(String record) {
        ByteBuffer b = ByteBuffer.wrap(record.getBytes(StandardCharsets.UTF_8));
        try {
            WriteFaults.beforeWrite(file);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            length = channel.position();
        } catch (IOException e) {
            try {
                channel.truncate(length);
                channel.position(length);
            } catch (IOException ignored) {
                // the file is cut back on the next resume, which records only whole records
            }
            throw IoFailure.of("write", file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw IoFailure.of("close", file, e);
        }
    }
}

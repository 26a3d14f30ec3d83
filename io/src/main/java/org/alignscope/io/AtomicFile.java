package org.alignscope.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file replaced as a whole: the content goes to {@code .NAME.tmp} beside it and is renamed over it when complete,
 * so a reader, a killed process or a full disk sees either the complete new file or the previous one. Nothing is
 * forced to the device: the guarantee holds for the death of the process, which is what a resume relies on; after a
 * crash of the whole machine a checksummed {@link AtomicFolder} detects what did not reach the disk. Failures are
 * {@link IoFailure}s naming the file.
 */
public final class AtomicFile implements AutoCloseable {
    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path file;
    private final Path tmp;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean done;

    private AtomicFile(Path file) {
        this.file = file;
        this.tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            createParent(file);
            channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw IoFailure.of("write", file, e);
        }
        OutputStream raw = Channels.newOutputStream(channel);
        this.out = new FilterOutputStream(raw) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                WriteFaults.beforeWrite(file);
                raw.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            /** The file is closed by {@link #commit} or {@link AtomicFile#close}, not by a writer that closes its target. */
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** Opens {@code file} for replacement; {@link #commit} publishes it, {@link #close} without commit drops it. */
    public static AtomicFile open(Path file) {
        return new AtomicFile(file);
    }

    /** Writes {@code file} as a whole. */
    public static void write(Path file, Body body) {
        try (AtomicFile f = open(file)) {
            try {
                body.writeTo(f.stream());
            } catch (IOException e) {
                throw IoFailure.of("write", file, e);
            }
            f.commit();
        }
    }

    /** Writes {@code text} (UTF-8) as the whole of {@code file}. */
    public static void writeString(Path file, String text) {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The stream to write the content to (unbuffered: wrap it in a buffer for many small writes); closing it does not
     * close the file.
     */
    public OutputStream stream() {
        return out;
    }

    /** Renames the complete content over the file. */
    public void commit() {
        try {
            out.flush();
            channel.close();
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw IoFailure.of("write", file, e);
        }
    }

    /** Drops the temporary file unless it was committed. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            channel.close();
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the first failure is the one reported; a leftover .tmp is replaced by the next write
        }
    }

    static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}

package org.alignscope.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output folder owned by one running command. Ownership is an operating-system lock on {@code DIR/.alignscope.lock},
 * which the kernel releases when the process dies however it dies; the file itself stays and names the kind of run
 * the folder holds (e.g. {@code train}, {@code quad reproduce}), the pid and the command line, for the messages.
 *
 * <p>A folder may be claimed when it is absent or empty, when it holds a run of the same kind (a rerun: the folder
 * is emptied first, so no result of the earlier run stays beside the new ones — or kept, for a command that continues
 * what an earlier run left, see {@link #claimToContinue}), or with {@code force} (emptied first). Anything else — another kind of run, files that are no run — is refused before any work, and so is a folder
 * whose lock another process holds. {@link #claimExisting} takes a folder as it is (a resume, a replot).
 */
public final class OutputFolder implements AutoCloseable {
    /** The lock file's name. */
    public static final String LOCK = ".alignscope.lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputFolder(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims {@code dir} for a new run of {@code kind}.
     *
     * @param option      the option that named the folder, for messages (e.g. {@code --out})
     * @param forceOption the option that empties a non-empty folder first, for messages (e.g. {@code --force})
     * @param command     the whole command line, recorded in the lock file
     * @throws IllegalArgumentException when the folder may not be claimed (see the class comment)
     */
    public static OutputFolder claim(String option, String forceOption, Path dir, String kind, String command,
                                     boolean force) {
        return claim(option, forceOption, dir, kind, command, force, false);
    }

    /**
     * As {@link #claim(String, String, Path, String, String, boolean)}, but an earlier run of the same kind is kept
     * for the command to continue (a sweep skips the cells it finished) instead of being emptied.
     */
    public static OutputFolder claimToContinue(String option, String forceOption, Path dir, String kind,
                                               String command, boolean force) {
        return claim(option, forceOption, dir, kind, command, force, true);
    }

    private static OutputFolder claim(String option, String forceOption, Path dir, String kind, String command,
                                      boolean force, boolean continueSameKind) {
        checkPath(option, dir);
        if (!Files.isDirectory(dir)) {
            return lock(option, dir, kind, command);
        }
        String held = kindOf(dir);
        boolean sameKind = kind.equals(held);
        boolean empty = isEmpty(dir);
        if (!empty && !force && !sameKind) {
            throw new IllegalArgumentException(option + ": " + dir + " is not empty and holds "
                    + (held == null ? "files of no AlignScope run" : "a '" + held + "' run")
                    + "; choose another folder or add " + forceOption + " to empty it first");
        }
        boolean emptyIt = !empty && (force || !continueSameKind);
        if (emptyIt) {
            refuseToEmpty(option, forceOption, dir, force);
        }
        OutputFolder f = lock(option, dir, kind, command);
        if (emptyIt) {
            f.emptyExceptLock();
        }
        return f;
    }

    /**
     * Takes {@code dir} as it is for {@code kind} (a resume or replot): it must exist, and no other process may
     * hold it.
     */
    public static OutputFolder claimExisting(String option, Path dir, String kind, String command) {
        checkPath(option, dir);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + ": " + dir + " is not a directory");
        }
        return lock(option, dir, kind, command);
    }

    /** Whether a process (this one included) holds the folder's lock now. */
    public static boolean isHeld(Path dir) {
        Path file = dir.resolve(LOCK);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The kind of run recorded in the folder's lock file, or null. */
    public static String kindOf(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(LOCK), StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? null : lines.get(0).trim();
        } catch (IOException e) {
            return null;
        }
    }

    public Path path() {
        return dir;
    }

    /** Releases the lock (the kernel does so too when the process dies). */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        }
    }

    private static void checkPath(String option, Path dir) {
        if (dir == null || dir.toString().isBlank()) {
            throw new IllegalArgumentException(option + ": an empty path is not a folder (name one, e.g. runs/x)");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + ": " + dir + " is a file, not a folder");
        }
    }

    private static OutputFolder lock(String option, Path dir, String kind, String command) {
        Path file = dir.resolve(LOCK);
        FileChannel ch;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException e) {
            throw IoFailure.of("write", file, e);
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        } catch (IOException e) {
            closeQuietly(ch);
            throw IoFailure.of("lock", file, e);
        }
        if (l == null) {
            String holder = holder(file);
            closeQuietly(ch);
            throw new IllegalArgumentException(option + ": " + dir + " is in use by another AlignScope process"
                    + holder + "; wait for it to finish or choose another folder");
        }
        try {
            byte[] text = (kind + "\n" + ProcessHandle.current().pid() + "\n" + command + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            WriteFaults.beforeWrite(file);
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap(text), 0);
        } catch (IOException e) {
            closeQuietly(ch);
            throw IoFailure.of("write", file, e);
        }
        return new OutputFolder(dir, ch, l);
    }

    /** " (pid N: COMMAND)" from a lock file, or nothing. */
    private static String holder(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.size() >= 3 ? " (pid " + lines.get(1) + ": " + lines.get(2) + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals(LOCK));
        } catch (IOException e) {
            throw IoFailure.of("read", dir, e);
        }
    }

    /** Refuses to empty a folder whose loss would be a disaster: the root, or one holding the working or home directory. */
    private static void refuseToEmpty(String option, String forceOption, Path dir, boolean force) {
        Path abs = dir.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
        if (abs.getParent() == null || cwd.startsWith(abs) || home.startsWith(abs)) {
            throw new IllegalArgumentException(option + ": " + dir + " is " + (abs.getParent() == null ? "the root"
                    : cwd.startsWith(abs) ? "the working directory or above it" : "the home directory or above it")
                    + "; AlignScope does not empty it" + (force ? " even with " + forceOption : ""));
        }
    }

    /** Deletes everything in the folder but the lock file. */
    private void emptyExceptLock() {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.getFileName().toString().equals(LOCK)) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            close();
            throw IoFailure.of("empty", dir, e);
        }
    }

    /** Deletes a file or a folder with everything in it. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
            return;
        }
        try (Stream<Path> w = Files.walk(p)) {
            for (Path q : (Iterable<Path>) w.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to report beyond the failure already raised
        }
    }
}

package org.alignscope.cli.hashes;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The committed hash lists in {@code cli/src/test/resources/behaviour-hashes/<name>.sha256}, made by the code
 * before a change, against which a run of the code after it is checked. With {@code -Dalignscope.hashes=regenerate}
 * a check rewrites its list from the run instead and prints which files moved, for the commit message (the tests
 * run with the module folder as their working directory, so the lists are read and written in the source tree).
 */
final class CommittedHashes {
    static final Path FOLDER = Path.of("src", "test", "resources", "behaviour-hashes");

    /** The system property that makes {@link #check} rewrite the lists: {@code -Dalignscope.hashes=regenerate}. */
    static final String MODE_PROPERTY = "alignscope.hashes";

    private CommittedHashes() {
    }

    /**
     * Asserts that the result files of {@code runFolder} have the hashes committed as {@code name}, naming every
     * file that differs; or, when regenerating, writes them as {@code name}.
     */
    static void check(String name, Path runFolder) throws IOException {
        Path list = FOLDER.resolve(name + ".sha256");
        SortedMap<String, String> actual = OutputHashes.of(runFolder);
        assertTrue(!actual.isEmpty(), runFolder + " holds no CSV, JSON Lines or .npy file");
        SortedMap<String, String> expected = Files.exists(list)
                ? OutputHashes.parse(Files.readString(list)) : new TreeMap<>();
        List<String> moved = OutputHashes.differences(expected, actual);
        if ("regenerate".equals(System.getProperty(MODE_PROPERTY))) {
            Files.createDirectories(FOLDER);
            Files.writeString(list, OutputHashes.format(actual));
            System.out.println("behaviour hashes: rewrote " + list + "; " + moved.size() + " of " + actual.size()
                    + " files moved" + (moved.isEmpty() ? "" : ":\n  " + String.join("\n  ", moved)));
            return;
        }
        if (!moved.isEmpty()) {
            fail(moved.size() + " of " + actual.size() + " result files differ from " + list + " (made by the code"
                    + " before the change):\n  " + String.join("\n  ", moved) + "\nIf the change is meant to move"
                    + " them, regenerate the lists (README, Tests) and name in the commit message, per file, the"
                    + " change that moved it.");
        }
    }
}

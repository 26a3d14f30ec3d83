package org.alignscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checksummed folder survives a kill at every stage of its replacement, and damage is never read. */
@Tag("reliability")
class AtomicFolderTest {
    static void publish(Path target, String text) throws Exception {
        Path tmp = AtomicFolder.begin(target);
        Files.writeString(tmp.resolve("a.txt"), text);
        Files.writeString(tmp.resolve("b.txt"), text + text);
        AtomicFolder.commit(target);
    }

    @Test
    void aCommittedFolderIsOpenedAndNothingBeforeIt(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("checkpoint");
        assertNull(AtomicFolder.open(target));
        publish(target, "one");
        assertEquals(target, AtomicFolder.open(target));
        publish(target, "two");
        assertEquals("two", Files.readString(AtomicFolder.open(target).resolve("a.txt")));
        assertTrue(Files.notExists(dir.resolve("checkpoint.old")) && Files.notExists(dir.resolve("checkpoint.tmp")));
    }

    @Test
    void aKillBetweenTheTwoRenamesKeepsTheNewerCopy(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("checkpoint");
        publish(target, "one");
        publish(dir.resolve("next"), "two");
        // the state after "checkpoint -> checkpoint.old" and before "checkpoint.tmp -> checkpoint"
        Files.move(target, dir.resolve("checkpoint.old"));
        Files.move(dir.resolve("next"), dir.resolve("checkpoint.tmp"));
        Path found = AtomicFolder.open(target);
        assertEquals(dir.resolve("checkpoint.tmp"), found);
        assertEquals("two", Files.readString(found.resolve("a.txt")));
    }

    @Test
    void aKillWhileStagingKeepsThePreviousCopy(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("checkpoint");
        publish(target, "one");
        Path tmp = AtomicFolder.begin(target);
        Files.writeString(tmp.resolve("a.txt"), "half");
        assertEquals(target, AtomicFolder.open(target));
        // a first checkpoint that never finished is no checkpoint, not damage
        Path fresh = dir.resolve("fresh");
        Files.writeString(AtomicFolder.begin(fresh).resolve("a.txt"), "half");
        assertNull(AtomicFolder.open(fresh));
    }

    @Test
    void aChangedOrMissingFileIsDamageThatNamesIt(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("checkpoint");
        publish(target, "one");
        Files.writeString(target.resolve("b.txt"), "edited");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomicFolder.open(target));
        assertTrue(e.getMessage().contains("b.txt does not match its checksum"), e.getMessage());
        Files.delete(target.resolve("a.txt"));
        e = assertThrows(IllegalArgumentException.class, () -> AtomicFolder.open(target));
        assertTrue(e.getMessage().contains("a.txt is missing"), e.getMessage());
        Files.writeString(target.resolve(AtomicFolder.CHECKSUMS), "garbage\n");
        e = assertThrows(IllegalArgumentException.class, () -> AtomicFolder.open(target));
        assertTrue(e.getMessage().contains("is not a checksum list"), e.getMessage());
    }

    @Test
    void aChecksumListCannotPointOutsideItsFolder(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("checkpoint");
        publish(target, "one");
        Files.writeString(dir.resolve("outside.txt"), "x");
        Files.writeString(target.resolve(AtomicFolder.CHECKSUMS),
                AtomicFolder.sha256("x".getBytes()) + "  ../outside.txt\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomicFolder.open(target));
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    }
}

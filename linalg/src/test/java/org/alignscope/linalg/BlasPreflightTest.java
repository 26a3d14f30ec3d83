package org.alignscope.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludovic.netlib.blas.JavaBLAS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("reliability")
class BlasPreflightTest {

    /** A logger of its own, recording what it is told. */
    private static Logger recording(List<String> messages) {
        Logger log = Logger.getAnonymousLogger();
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                messages.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return log;
    }

    @Test
    void aMissingNativeLibraryGivesTheJavaBlasAndOneActionableWarning() {
        Blas.get();  // netlib has made its own choice for this JVM before the property below is set
        String before = System.getProperty(Blas.ALLOW_NATIVE);
        List<String> messages = new ArrayList<>();
        try {
            assertInstanceOf(JavaBLAS.class, Blas.select(BlasChoice.AUTO, Optional::empty, recording(messages)));
            assertEquals("false", System.getProperty(Blas.ALLOW_NATIVE), "netlib must not try the native load");
        } finally {
            restore(Blas.ALLOW_NATIVE, before);
        }
        assertEquals(List.of(Blas.MISSING_NATIVE), messages);
        String line = messages.get(0);
        assertEquals(1, line.lines().count());
        assertTrue(line.contains("libopenblas0") && line.contains("libblas.so.3") && line.contains("faster"), line);
    }

    @Test
    void thePropertyChoosesTheJavaBlasSilently() {
        Blas.get();
        String before = System.getProperty(Blas.ALLOW_NATIVE);
        List<String> messages = new ArrayList<>();
        try {
            assertEquals("F2jBLAS", Blas.select(BlasChoice.JAVA, () -> Optional.of(Path.of("/lib/libblas.so.3")),
                    recording(messages)).getClass().getSimpleName());
        } finally {
            restore(Blas.ALLOW_NATIVE, before);
        }
        assertTrue(messages.isEmpty(), messages.toString());
    }

    @Test
    void netlibsPathPropertyIsWhatTheLookupChecks(@TempDir Path dir) throws Exception {
        String before = System.getProperty(NativeBlasLookup.PATH_PROPERTY);
        try {
            System.setProperty(NativeBlasLookup.PATH_PROPERTY, dir.resolve("absent.so").toString());
            assertEquals(Optional.empty(), NativeBlasLookup.system().find());
            Path lib = Files.createFile(dir.resolve("present.so"));
            System.setProperty(NativeBlasLookup.PATH_PROPERTY, lib.toString());
            assertEquals(Optional.of(lib), NativeBlasLookup.system().find());
        } finally {
            restore(NativeBlasLookup.PATH_PROPERTY, before);
        }
    }

    @Test
    void theLinkerConfigurationAndItsIncludesAreSearched(@TempDir Path dir) throws Exception {
        Path libs = Files.createDirectories(dir.resolve("opt-libs"));
        Path conf = Files.writeString(dir.resolve("ld.so.conf"), "# comment\ninclude conf.d/*.conf\n");
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/blas.conf"), libs + "  # where OpenBLAS lives\n");
        Files.writeString(dir.resolve("conf.d/ignored.txt"), dir.resolve("elsewhere") + "\n");
        String before = System.getProperty(NativeBlasLookup.NAME_PROPERTY);
        try {
            System.setProperty(NativeBlasLookup.NAME_PROPERTY, "libalignscope-preflight-test.so.3");
            NativeBlasLookup lookup = new NativeBlasLookup(conf);
            assertTrue(lookup.searchDirectories().contains(libs), lookup.searchDirectories().toString());
            assertFalse(lookup.searchDirectories().contains(dir.resolve("elsewhere")));
            assertEquals(Optional.empty(), lookup.find());
            Path lib = Files.createFile(libs.resolve("libalignscope-preflight-test.so.3"));
            assertEquals(Optional.of(lib), lookup.find());
        } finally {
            restore(NativeBlasLookup.NAME_PROPERTY, before);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}

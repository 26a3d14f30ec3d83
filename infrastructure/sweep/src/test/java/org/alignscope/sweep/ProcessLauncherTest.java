package org.alignscope.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.alignscope.linalg.BlasChoice;
import org.junit.jupiter.api.Test;

class ProcessLauncherTest {
    @Test
    void aCellInheritsTheBlasChoiceOnlyWhenItIsSet() {
        ProcessLauncher launcher = new ProcessLauncher("Main", List.of());
        String saved = System.getProperty(BlasChoice.PROPERTY);
        try {
            System.clearProperty(BlasChoice.PROPERTY);
            assertFalse(launcher.commandLine(List.of("x")).stream().anyMatch(a -> a.contains(BlasChoice.PROPERTY)));
            System.setProperty(BlasChoice.PROPERTY, "auto");
            assertTrue(launcher.commandLine(List.of("x")).contains("-Dalignscope.blas=auto"));
        } finally {
            if (saved == null) {
                System.clearProperty(BlasChoice.PROPERTY);
            } else {
                System.setProperty(BlasChoice.PROPERTY, saved);
            }
        }
    }
}

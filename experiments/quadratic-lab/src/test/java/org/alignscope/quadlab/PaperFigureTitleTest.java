package org.alignscope.quadlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Figure titles state Theorem 15's t* over the seeds as a range, not as the seeds' values run together. */
@Tag("reliability")
class PaperFigureTitleTest {
    @Test
    void tStarOverSeedsIsARange() {
        assertEquals("t* = 5–6 (over seeds)", PaperReproduction.tStarRange(List.of("5", "6", "5", "6", "6", "5", "5")));
        assertEquals("t* = 5", PaperReproduction.tStarRange(List.of("5", "5", "5")));
        assertEquals("t* = 9–12 (over seeds)", PaperReproduction.tStarRange(List.of("12", "-", "9")));
        assertEquals("no t*", PaperReproduction.tStarRange(List.of("-", "-")));
    }
}

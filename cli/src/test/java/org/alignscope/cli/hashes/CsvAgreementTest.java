package org.alignscope.cli.hashes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvAgreementTest {
    @Test
    void numbersAgreeToTheRelativeBoundOrTheFloor() {
        assertTrue(CsvAgreement.agree("0.5", "0.5000000000004"));
        assertFalse(CsvAgreement.agree("0.5", "0.5000000000006"));
        assertTrue(CsvAgreement.agree("1.2E-13", "1.1E-13"), "both below the floor");
        assertFalse(CsvAgreement.agree("1.0E-10", "1.2E-10"));
        assertTrue(CsvAgreement.agree("NaN", "NaN"));
        assertFalse(CsvAgreement.agree("Infinity", "1e308"));
        assertTrue(CsvAgreement.agree("", ""));
        assertFalse(CsvAgreement.agree("base", "dom"));
        assertFalse(CsvAgreement.agree("", "0"));
    }

    @Test
    void theFirstDifferingFieldIsNamedByFileLineAndColumn() {
        List<String> want = List.of("step,phase,loss", "0,base,0.5", "1,base,0.25", "2,base,0.125");
        List<String> got = List.of("step,phase,loss", "0,base,0.5", "1,base,0.2500001", "2,dom,0.125");
        assertEquals(Optional.of("m.csv line 3 column loss: 0.25 vs 0.2500001"),
                CsvAgreement.firstDifference("m.csv", want, got));
        assertEquals(Optional.empty(), CsvAgreement.firstDifference("m.csv", want, want));
        assertEquals(Optional.of("m.csv: 4 vs 3 lines"), CsvAgreement.firstDifference("m.csv", want, want.subList(0, 3)));
    }
}

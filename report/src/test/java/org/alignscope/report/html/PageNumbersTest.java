package org.alignscope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The page's cheap number reading and rounding agree with the exact JDK routines to what the page shows. */
@Tag("reliability")
class PageNumbersTest {
    private static final MathContext SEVEN = new MathContext(7);

    @Test
    void readsWhatCsvWriterWritesToWithinAUnitInTheLastPlace() {
        Random rng = new Random(1);
        for (int i = 0; i < 50_000; i++) {
            double v = randomValue(rng);
            String text = Double.toString(v);
            double read = PageNumbers.parse(text);
            assertTrue(Math.abs(read - v) <= 2 * Math.ulp(v), text + " read as " + read);
        }
    }

    @Test
    void shortDecimalsAndIntegersAreExact() {
        for (String s : new String[] {"0", "-0.0", "7", "30000", "0.5", "-12.25", "3.0E-4", "1.0E10", "2.5e+3",
            "+1.5", ".5", "0.1", "123456789012345"}) {
            assertEquals(Double.parseDouble(s), PageNumbers.parse(s), s);
        }
    }

    @Test
    void textAndHugeExponentsGoToTheJdk() {
        assertEquals(1e300, PageNumbers.parse("1.0E300"));
        assertEquals(4.9e-324, PageNumbers.parse("4.9E-324"));
        assertThrows(NumberFormatException.class, () -> PageNumbers.parse("12abc"));
        assertThrows(NumberFormatException.class, () -> PageNumbers.parse("-"));
        assertThrows(NumberFormatException.class, () -> PageNumbers.parse("1e"));
    }

    @Test
    void roundsToSevenSignificantDigitsAsBigDecimalDoes() {
        Random rng = new Random(2);
        int differ = 0;
        for (int i = 0; i < 50_000; i++) {
            double v = Math.pow(10, rng.nextDouble() * 40 - 20) * (rng.nextBoolean() ? 1 : -1);
            double exact = new BigDecimal(v).round(SEVEN).doubleValue();
            double fast = PageNumbers.round(v);
            if (exact != fast) {
                differ++;
                // only a value within a rounding error of a tie may round the other way, by one unit in the 7th digit
                assertEquals(exact, fast, Math.abs(exact) * 1.01e-6, Double.toString(v));
            }
        }
        assertTrue(differ <= 2, differ + " of 50,000 values rounded differently");
        assertEquals(0.1234568, PageNumbers.round(0.12345675));
        assertEquals(-99.99999, PageNumbers.round(-99.999994));
        assertEquals(100.0, PageNumbers.round(99.999996));
        assertEquals(1.234568e-30, PageNumbers.round(1.2345675e-30));
        assertEquals(1.234568e40, PageNumbers.round(1.2345675e40));
        assertEquals(30000.0, PageNumbers.round(30000.0));
        assertEquals(7.334172e13, PageNumbers.round(73341721903714.0));
        assertEquals(Double.POSITIVE_INFINITY, PageNumbers.round(Double.POSITIVE_INFINITY));
    }

    /** Values over 40 decades, both signs, some with few digits. */
    private static double randomValue(Random rng) {
        double v = Math.pow(10, rng.nextDouble() * 40 - 20) * (rng.nextBoolean() ? 1 : -1);
        return rng.nextInt(10) == 0 ? Math.round(v * 1000) / 1000.0 : v;
    }
}

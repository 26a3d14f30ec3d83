package org.alignscope.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link Types#integerOr}: an integer in its range or a word, the integer that stands for the word refused. */
@Tag("reliability")
class IntegerOrTest {
    private final SettingType<Integer> k = Types.integerOr(Types.integer(1, 1000), "auto", 0);

    @Test
    void theWordAndTheIntegersAreRead() {
        assertEquals(0, k.parse(" Auto "));
        assertEquals(0, k.read(TextNode.valueOf("auto")));
        assertEquals(7, k.parse("7"));
        assertEquals(7, k.read(IntNode.valueOf(7)));
        assertEquals("auto", k.describe(0));
        assertEquals(7, k.describe(7));
        assertEquals("integer in [1, 1000] or auto", k.allowed());
    }

    @Test
    void otherTextAndTheWordsIntegerAreRefused() {
        assertEquals("'many' is neither an integer in [1, 1000] nor 'auto'",
                assertThrows(IllegalArgumentException.class, () -> k.parse("many")).getMessage());
        assertEquals("'1.5' is neither an integer in [1, 1000] nor 'auto'",
                assertThrows(IllegalArgumentException.class, () -> k.read(TextNode.valueOf("1.5"))).getMessage());
        assertEquals("0 is out of range; allowed: integer in [1, 1000] or auto",
                assertThrows(IllegalArgumentException.class, () -> k.read(IntNode.valueOf(0))).getMessage());
        assertEquals("1001 is out of range; allowed: [1, 1000]",
                assertThrows(IllegalArgumentException.class, () -> k.check(1001, "1001", null)).getMessage());
    }
}

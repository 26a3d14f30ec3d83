package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alignscope.linalg.random.RandomStream;
import org.junit.jupiter.api.Test;

class ParameterBlockTest {
    // 0.weight 4x5 @0, 0.bias 4 @20, 2.weight 3x4 @24, 2.bias 3 @36
    private final Model m = Network.create("mlp:5-4-3:tanh", Loss.MSE, Precision.F64, RandomStream.of(1, 1), 1.0);

    @Test
    void modulesAndTensorsByNameInParameterOrder() {
        ParameterBlock layer = ParameterBlock.select(m, "2");
        assertEquals("2.weight,2.bias", layer.label());
        assertArrayEquals(new int[] {24, 36}, layer.starts());
        assertArrayEquals(new int[] {12, 3}, layer.lengths());
        assertEquals(15, layer.size());
        ParameterBlock mixed = ParameterBlock.select(m, "2.bias, 0.weight,0");
        assertEquals("0.weight,0.bias,2.bias", mixed.label());
        assertEquals(27, mixed.size());
    }

    @Test
    void unknownItemsNameTheItemAndListTheTensors() {
        var e = assertThrows(IllegalArgumentException.class, () -> ParameterBlock.select(m, "0,1"));
        assertTrue(e.getMessage().startsWith("no tensor or module '1' in mlp:5-4-3:tanh"), e.getMessage());
        assertTrue(e.getMessage().contains("0.weight 4x5, 0.bias 4, 2.weight 3x4, 2.bias 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterBlock.select(m, "0,"));
        assertThrows(IllegalArgumentException.class, () -> ParameterBlock.select(m, "0.we"));
    }
}

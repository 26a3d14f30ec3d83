package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InitialisationTest {
    @Test
    void pytorchDefaultBoundsTimesScale() {
        Model m = Models.create("cnn:2x8x8:c4k3p1-relu-max2-d5", Loss.CROSS_ENTROPY, Precision.F64, 7, 3.0);
        double[] p = m.parameters();
        for (TensorInfo t : m.tensors()) {
            int fanIn = t.name().startsWith("0.") ? 2 * 3 * 3 : 4 * 4 * 4;
            double bound = 3.0 / Math.sqrt(fanIn);
            double max = 0;
            for (int i = t.offset(); i < t.offset() + t.size(); i++) {
                max = Math.max(max, Math.abs(p[i]));
            }
            assertTrue(max <= bound, t + " within ±scale/√fan_in");
            assertTrue(max > 0.7 * bound, t + " fills its range");
        }
    }

    @Test
    void seededReproducibleAndLinearInTheScale() {
        Model a = Models.create("mlp:6-5-3:tanh", Loss.MSE, Precision.F64, 9, 1.0);
        Model b = Models.create("mlp:6-5-3:tanh", Loss.MSE, Precision.F32, 9, 1.0);
        Model c = Models.create("mlp:6-5-3:tanh", Loss.MSE, Precision.F64, 9, 10.0);
        Model d = Models.create("mlp:6-5-3:tanh", Loss.MSE, Precision.F64, 10, 1.0);
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        for (int i = 0; i < a.parameterCount(); i++) {
            assertEquals(10 * a.parameters()[i], c.parameters()[i], 1e-15);
        }
        assertFalse(Arrays.equals(a.parameters(), d.parameters()));
    }
}

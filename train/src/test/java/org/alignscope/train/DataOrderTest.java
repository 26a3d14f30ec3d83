package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataOrderTest {
    @Test
    void eachEpochIsAPermutationAndOrderIsAFunctionOfSeedAndStep() {
        DataOrder o = new DataOrder(7, 23, 5);
        assertEquals(4, o.batchesPerEpoch());
        int[] seen = new int[23];
        for (int t = 0; t < 4; t++) {
            for (int i : o.batch(t)) {
                seen[i]++;
            }
        }
        assertEquals(20, Arrays.stream(seen).sum());
        assertEquals(1, Arrays.stream(seen).max().getAsInt());
        DataOrder fresh = new DataOrder(7, 23, 5);
        assertArrayEquals(o.batch(9), fresh.batch(9), "random access: no state carried between steps");
        assertArrayEquals(o.batch(2), fresh.batch(2));
        assertFalse(Arrays.equals(o.batch(0), o.batch(4)), "a new permutation each epoch");
        assertFalse(Arrays.equals(o.batch(0), new DataOrder(8, 23, 5).batch(0)));
    }
}

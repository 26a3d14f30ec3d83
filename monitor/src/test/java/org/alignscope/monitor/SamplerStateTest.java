package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("reliability")
class SamplerStateTest {
    @Test
    void anEpochStateHoldsTheRemainingIndicesSortedAndUnaliased() {
        int[] left = {9, 2, 5};
        SamplerState.Epoch e = (SamplerState.Epoch) SamplerState.epoch(left);
        left[0] = 0;
        assertArrayEquals(new int[] {2, 5, 9}, e.remaining());
        e.remaining()[0] = 7;
        assertArrayEquals(new int[] {2, 5, 9}, e.remaining());
        assertEquals(3, e.count());
        assertEquals(SamplerState.epoch(new int[] {5, 9, 2}), e);
    }
}

package org.alignscope.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("reliability")
class SamplerStateTest {
    /** Callbacks that say nothing about their sampler, as existing user code does. */
    private static class Silent implements TrainingCallbacks {
        @Override
        public double[] parameters() {
            return new double[2];
        }

        @Override
        public double referenceGradient(double[] out) {
            return 0;
        }

        @Override
        public void batchGradient(double[] out) {
        }
    }

    @Test
    void callbacksThatSayNothingAreUnknownAndTheSourcePassesTheStateOn() {
        assertSame(SamplerState.unknown(), new Silent().samplerState());
        assertSame(SamplerState.unknown(), CallbackSource.of(new Silent()).samplerState());
        TrainingCallbacks replacement = new Silent() {
            @Override
            public SamplerState samplerState() {
                return SamplerState.replacement();
            }
        };
        assertSame(SamplerState.replacement(), CallbackSource.of(replacement).samplerState());
    }

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

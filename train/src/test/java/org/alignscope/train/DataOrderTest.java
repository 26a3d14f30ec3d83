package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.monitor.SamplerState;
import org.junit.jupiter.api.Tag;
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

    @Test
    void theEpochSamplerIsTheFormerDataOrder() {
        int[] perm = RandomStream.of(7, DataOrder.STREAM, 1).permutation(23);
        assertArrayEquals(Arrays.copyOfRange(perm, 10, 15), Sampler.EPOCH.order(7, 23, 5).batch(6),
                "step 6 = batch 2 of epoch 1: permuted positions 10..14");
    }

    @Tag("reliability")
    @Test
    void theEpochStateIsTheRestOfTheEpochAndReadingItDrawsNothing() {
        DataOrder o = new DataOrder(7, 23, 5);
        int[] used = IntStream.range(4, 6).flatMap(t -> Arrays.stream(o.batch(t))).toArray();
        SamplerState.Epoch s = (SamplerState.Epoch) o.stateAt(6);
        assertEquals(13, s.count(), "23 − 2·5 left, the dropped tail included");
        for (int i : used) {
            assertTrue(Arrays.binarySearch(s.remaining(), i) < 0, i + " was used in this epoch");
        }
        int[] next = o.batch(6);
        for (int i : next) {
            assertTrue(Arrays.binarySearch(s.remaining(), i) >= 0, "the next batch comes from the rest");
        }
        assertEquals(23, ((SamplerState.Epoch) o.stateAt(8)).count(), "a new epoch starts full");
        assertArrayEquals(next, new DataOrder(7, 23, 5).batch(6), "reading the state did not move the order");
    }

    @Tag("reliability")
    @Test
    void theReplacementSamplerDrawsIndependentlyFromItsOwnStream() {
        BatchOrder o = Sampler.REPLACEMENT.order(7, 23, 30);
        int[] b = o.batch(3);
        assertEquals(30, b.length, "with replacement B may exceed what an epoch holds");
        assertTrue(Arrays.stream(b).allMatch(i -> i >= 0 && i < 23));
        assertTrue(Arrays.stream(b).distinct().count() < 30, "30 draws from 23 repeat");
        RandomStream r = RandomStream.of(7, ReplacementOrder.STREAM, 3);
        assertArrayEquals(IntStream.range(0, 30).map(i -> r.nextInt(23)).toArray(), b);
        assertArrayEquals(b, o.batch(3), "a pure function of (seed, step)");
        assertFalse(Arrays.equals(b, o.batch(4)));
        assertSame(SamplerState.replacement(), o.stateAt(3));
    }
}

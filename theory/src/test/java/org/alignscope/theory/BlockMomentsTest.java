package org.alignscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BlockMomentsTest {
    private static final double[] LAMBDA = {3, 2, 1};
    private static final double[] C = {1, -2, 4};
    private static final double[] KAPPA_SQ = {0.5, 1, 2};

    @Test
    void momentsOfABlockByHand() {
        // i = 0: lambda = 3, c^2 = 1, kappa^2 = 0.5;  i = 1: lambda = 2, c^2 = 4, kappa^2 = 1
        BlockMoments b = BlockMoments.of(LAMBDA, C, KAPPA_SQ, 0, 2);
        assertEquals(9 * 1 + 4 * 4, b.s());
        assertEquals(27 * 1 + 8 * 4, b.tau());
        assertEquals(81 * 1 + 16 * 4, b.u());
        assertEquals(9 * 0.5 + 4 * 1, b.e());
        assertEquals(3 * 0.5 + 2 * 1, b.nLoss());
    }

    @Test
    void plusIsTheMomentsOfTheUnion() {
        BlockMoments whole = BlockMoments.of(LAMBDA, C, KAPPA_SQ, 0, 3);
        BlockMoments sum = BlockMoments.of(LAMBDA, C, KAPPA_SQ, 0, 1).plus(BlockMoments.of(LAMBDA, C, KAPPA_SQ, 1, 3));
        assertEquals(whole, sum);
        assertEquals(BlockMoments.ZERO, BlockMoments.of(LAMBDA, C, KAPPA_SQ, 2, 2));
    }

    @Test
    void alignmentStateSplitsAtKAndGivesThetaAndChi() {
        AlignmentState st = AlignmentState.of(LAMBDA, C, KAPPA_SQ, 1);
        // s^D = 9, s^B = 16 + 16 = 32: s = ||A x||^2 = 41
        assertEquals(9, st.dom().s());
        assertEquals(32, st.bulk().s());
        assertEquals(41, st.s());
        assertEquals(9.0 / 41.0, st.theta(), 1e-16);
        assertEquals(Math.sqrt(9.0 / 41.0), st.chi(), 1e-16);
        double ax0 = 3 * 1;
        double ax1 = 2 * -2;
        double ax2 = 1 * 4;
        assertEquals(ax0 * ax0 + ax1 * ax1 + ax2 * ax2, st.s());
    }

    @Test
    void zeroIterateHasAlignmentZero() {
        AlignmentState st = AlignmentState.of(LAMBDA, new double[3], KAPPA_SQ, 2);
        assertEquals(0.0, st.theta());
        assertEquals(0.0, st.chi());
    }

    @Test
    void invalidInputsAreRejectedWithTheFieldName() {
        assertMessage("c", () -> BlockMoments.of(LAMBDA, new double[2], KAPPA_SQ, 0, 1));
        assertMessage("kappaSq", () -> BlockMoments.of(LAMBDA, C, new double[] {1, -1, 1}, 0, 3));
        assertMessage("from", () -> BlockMoments.of(LAMBDA, C, KAPPA_SQ, 2, 1));
        assertMessage("k", () -> AlignmentState.of(LAMBDA, C, KAPPA_SQ, 3));
        assertMessage("k", () -> AlignmentState.of(LAMBDA, C, KAPPA_SQ, 0));
        assertMessage("s", () -> new BlockMoments(-1, 0, 0, 0, 0));
        assertMessage("tau", () -> new BlockMoments(1, Double.NaN, 0, 0, 0));
        assertMessage("e", () -> new BlockMoments(1, 1, 1, -1e-3, 0));
        // tau and nLoss may be negative (indefinite curvature estimates)
        new BlockMoments(1, -2, 1, 0, -3);
    }

    static void assertMessage(String field, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, call);
        assertTrue(ex.getMessage().startsWith(field) || ex.getMessage().contains(" " + field),
                "message should name " + field + ": " + ex.getMessage());
    }
}

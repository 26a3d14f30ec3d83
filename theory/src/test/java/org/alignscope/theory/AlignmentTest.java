package org.alignscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Eq. 1: θ = s<sup>D</sup>/s and χ = √θ, exactly, with the convention θ(0) = 0. */
@Tag("reliability")
class AlignmentTest {
    @Test
    void thetaIsTheShareOfTheSquaredNormInTheDominantBlock() {
        assertEquals(0.25, Alignment.theta(1, 4));
        assertEquals(1.0, Alignment.theta(3, 3));
        assertEquals(0.0, Alignment.theta(0, 5));
    }

    @Test
    void theZeroVectorHasAlignmentZero() {
        assertEquals(0.0, Alignment.theta(0, 0));
        assertEquals(0.0, Alignment.chi(Alignment.theta(0, 0)));
    }

    @Test
    void chiIsTheUnsquaredRatio() {
        assertEquals(0.5, Alignment.chi(Alignment.theta(1, 4)));
    }

    @Test
    void theStateAndThePredictedNextAlignmentUseTheSameRatio() {
        AlignmentState st = new AlignmentState(new BlockMoments(1, 2, 4, 0, 0), new BlockMoments(3, 3, 3, 0, 0));
        assertEquals(Alignment.theta(1, 1 + 3), st.theta());
        assertEquals(Alignment.chi(0.25), st.chi());
        CriticalStep cs = CriticalStep.of(st);
        double sd = CriticalStep.expectedNextS(st.dom(), 0.1);
        double sb = CriticalStep.expectedNextS(st.bulk(), 0.1);
        assertEquals(sd / (sd + sb), cs.predictedTheta(0.1));
    }
}

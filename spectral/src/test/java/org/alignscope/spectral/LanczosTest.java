package org.alignscope.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.alignscope.linalg.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LanczosTest {

    static final int N = 200;

    /** Named spectra: positive decaying, indefinite, clustered, degenerate (triple and double eigenvalues). */
    static Stream<Arguments> spectra() {
        double[] decaying = new double[N];
        double[] indefinite = new double[N];
        double[] clustered = new double[N];
        double[] degenerate = new double[N];
        for (int i = 0; i < N; i++) {
            decaying[i] = 10 * Math.exp(-0.3 * i);
            indefinite[i] = i < 4 ? 8 - i : (i >= N - 4 ? -12 + (N - 1 - i) : 2 * Math.sin(0.37 * i));
            clustered[i] = i < 3 ? 10 + 1e-3 * i : (i < 6 ? 9.5 + 1e-3 * i : (double) i / N);
            degenerate[i] = i < 3 ? 5 : (i < 5 ? 4 : (i >= N - 3 ? -6 : 3.0 * i / N - 1));
        }
        return Stream.of(Arguments.of("decaying", decaying), Arguments.of("indefinite", indefinite),
                Arguments.of("clustered", clustered), Arguments.of("degenerate", degenerate));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spectra")
    void largestMatchDenseDecompositionWithTrueResiduals(String name, double[] spectrum) {
        double[][] a = TestMatrices.withSpectrum(spectrum, 11);
        double[] exact = TestMatrices.denseEigenvalues(a);
        TestMatrices.Counting op = new TestMatrices.Counting(new DenseSymmetricOperator(a));
        int k = 6;
        EigenResult r = Lanczos.largest(op, LanczosOptions.of(k).withTolerance(1e-8));
        assertEquals(Which.LARGEST, r.which());
        assertTrue(r.allConverged(), name + ": " + r);
        assertEquals(op.count, r.operatorApplications(), "every application is counted");
        checkPairs(a, r, exact, k, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spectra")
    void smallestMatchDenseDecomposition(String name, double[] spectrum) {
        double[][] a = TestMatrices.withSpectrum(spectrum, 12);
        double[] desc = TestMatrices.denseEigenvalues(a);
        double[] asc = new double[N];
        for (int i = 0; i < N; i++) {
            asc[i] = desc[N - 1 - i];
        }
        int k = 4;
        EigenResult r = Lanczos.smallest(new DenseSymmetricOperator(a),
                LanczosOptions.of(k).withTolerance(1e-8).withMaxApplications(3000));
        assertEquals(Which.SMALLEST, r.which());
        if (name.equals("decaying")) {
            // eigenvalues down to 1e-25 with gaps far below tol·|λ_1|: only honesty is required
            for (int i = 0; i < k; i++) {
                assertEquals(r.residuals()[i] <= r.tolerance() * r.scale(), r.converged()[i]);
            }
            return;
        }
        assertTrue(r.allConverged(), name + ": " + r);
        for (int i = 1; i < k; i++) {
            assertTrue(r.eigenvalues()[i] >= r.eigenvalues()[i - 1], "ascending");
        }
        checkPairs(a, r, asc, k, name);
    }

    private static void checkPairs(double[][] a, EigenResult r, double[] exactInOrder, int k, String name) {
        assertEquals(k, r.count());
        for (int i = 0; i < k; i++) {
            double[] v = r.eigenvectors()[i];
            assertEquals(1.0, Vectors.norm(v), 1e-12, "unit eigenvector");
            double trueResidual = TestMatrices.residual(a, r.eigenvalues()[i], v);
            assertEquals(trueResidual, r.residuals()[i], 1e-12 + 1e-6 * trueResidual, "reported residual is true");
            assertTrue(r.residuals()[i] <= r.tolerance() * r.scale());
            // |θ − λ| ≤ ‖r‖ for a symmetric matrix; ordering is preserved for well-resolved pairs
            assertEquals(exactInOrder[i], r.eigenvalues()[i], r.residuals()[i] + 1e-12 * r.scale(),
                    name + " pair " + i);
            for (int j = 0; j < i; j++) {
                assertEquals(0.0, Vectors.dot(v, r.eigenvectors()[j]), 1e-7, "orthogonal eigenvectors");
            }
        }
        if (k > 0) {
            assertEquals(Math.abs(r.eigenvalues()[0]), r.scale(), 1e-12 * r.scale());
        }
    }

    @Test
    void tooSmallBudgetIsReportedAsNotConverged() {
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            s[i] = 1.0 - 0.001 * i; // tiny relative gaps: slow convergence
        }
        double[][] a = TestMatrices.withSpectrum(s, 13);
        int k = 5;
        TestMatrices.Counting op = new TestMatrices.Counting(new DenseSymmetricOperator(a));
        EigenResult r = Lanczos.largest(op, LanczosOptions.of(k).withTolerance(1e-10).withMaxApplications(2 * k + 5));
        assertEquals(2 * k + 5, r.operatorApplications());
        assertEquals(op.count, r.operatorApplications());
        assertFalse(r.allConverged(), r.toString());
        for (int i = 0; i < k; i++) {
            double trueResidual = TestMatrices.residual(a, r.eigenvalues()[i], r.eigenvectors()[i]);
            assertEquals(trueResidual, r.residuals()[i], 1e-12 + 1e-6 * trueResidual);
            assertEquals(trueResidual <= 1e-10 * r.scale(), r.converged()[i]);
        }
    }

    @Test
    void thickRestartsConvergeWithASmallKrylovBasis() {
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            s[i] = 1.0 / (1 + i);
        }
        double[][] a = TestMatrices.withSpectrum(s, 14);
        int k = 8;
        EigenResult r = Lanczos.largest(new DenseSymmetricOperator(a),
                LanczosOptions.of(k).withKrylovDimension(k + 4).withMaxApplications(2000));
        assertTrue(r.allConverged(), r.toString());
        double[] exact = TestMatrices.denseEigenvalues(a);
        for (int i = 0; i < k; i++) {
            assertEquals(exact[i], r.eigenvalues()[i], r.residuals()[i] + 1e-14);
        }
    }

    @Test
    void wholeSpectrumOfASmallMatrixIncludingBreakdown() {
        double[] s = {3, 3, 1, -2, -2, -2};
        double[][] a = TestMatrices.withSpectrum(s, 15);
        EigenResult r = Lanczos.largest(new DenseSymmetricOperator(a), LanczosOptions.of(6).withTolerance(1e-10));
        assertTrue(r.allConverged(), r.toString());
        assertArrayEquals(s, r.eigenvalues(), 1e-10);
    }

    @Test
    void sameSeedSameResultOtherSeedSameSpectrum() {
        double[][] a = TestMatrices.withSpectrum(spectra().toList().get(1).get()[1] instanceof double[] d ? d : null, 16);
        LanczosOptions o = LanczosOptions.of(3).withSeed(5);
        EigenResult r1 = Lanczos.largest(new DenseSymmetricOperator(a), o);
        EigenResult r2 = Lanczos.largest(new DenseSymmetricOperator(a), o);
        assertArrayEquals(r1.eigenvalues(), r2.eigenvalues(), 0.0);
        assertArrayEquals(r1.eigenvectors()[0], r2.eigenvectors()[0], 0.0);
        EigenResult r3 = Lanczos.largest(new DenseSymmetricOperator(a), o.withSeed(6));
        assertArrayEquals(r1.eigenvalues(), r3.eigenvalues(), 1e-5);
    }

    @Test
    void warmStartNeedsFewerApplicationsOnAPerturbedMatrix() {
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            s[i] = i < 10 ? 20 - 1.5 * i : 2 * Math.sin(i); // 10 outliers over an indefinite bulk
        }
        double[][] q = TestMatrices.randomOrthogonal(N, 17);
        double[][] a = TestMatrices.withSpectrum(s, q);
        double[][] e = TestMatrices.withSpectrum(TestMatrices.denseEigenvalues(a), TestMatrices.randomOrthogonal(N, 18));
        double[][] b = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                b[i][j] = a[i][j] + 1e-3 * e[i][j]; // ‖ΔA‖ = 1e-3‖A‖
            }
        }
        int k = 10;
        LanczosOptions o = LanczosOptions.of(k).withTolerance(1e-6);
        assertEquals(WarmStart.SUM, o.warmStart(), "the default");
        EigenResult before = Lanczos.largest(new DenseSymmetricOperator(a), o);
        EigenResult cold = Lanczos.largest(new DenseSymmetricOperator(b), o);
        EigenResult warm = Lanczos.solve(new DenseSymmetricOperator(b), o, Which.LARGEST, before.eigenvectors());
        assertTrue(cold.allConverged() && warm.allConverged());
        assertArrayEquals(cold.eigenvalues(), warm.eigenvalues(), 1e-6 * cold.scale());
        assertTrue(warm.operatorApplications() < cold.operatorApplications(),
                "warm " + warm.operatorApplications() + " vs cold " + cold.operatorApplications());
        System.out.printf("warm-start SUM (n=%d, k=%d, tol=1e-6, ‖ΔA‖/‖A‖=1e-3): cold %d, warm %d applications%n", N,
                k, cold.operatorApplications(), warm.operatorApplications());
    }

    /**
     * Ten clustered outliers (9.73 … 10, step 0.03) over a bulk in [−4, 4], moved by a small perturbation (as one SGD
     * step moves a Hessian): the subspace warm start reaches the same residual tolerance with clearly fewer
     * applications than a cold start and than the single summed start vector.
     */
    @ParameterizedTest(name = "relative change {0}")
    @MethodSource("perturbations")
    void subspaceWarmStartIsCheapOnClusteredOutliers(double change) {
        double[] s = new double[N];
        for (int i = 0; i < N; i++) {
            s[i] = i < 10 ? 10 - 0.03 * i : 4 * Math.sin(3.0 * i);
        }
        double[][] a = TestMatrices.withSpectrum(s, TestMatrices.randomOrthogonal(N, 31));
        double[][] e = TestMatrices.withSpectrum(TestMatrices.denseEigenvalues(a), TestMatrices.randomOrthogonal(N, 32));
        double[][] b = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                b[i][j] = a[i][j] + change * e[i][j];
            }
        }
        int k = 10;
        LanczosOptions o = LanczosOptions.of(k).withTolerance(1e-6).withWarmStart(WarmStart.SUBSPACE);
        EigenResult before = Lanczos.largest(new DenseSymmetricOperator(a), o);
        TestMatrices.Counting counting = new TestMatrices.Counting(new DenseSymmetricOperator(b));
        EigenResult cold = Lanczos.largest(new DenseSymmetricOperator(b), o);
        EigenResult warm = Lanczos.solve(counting, o, Which.LARGEST, before.eigenvectors());
        EigenResult sum = Lanczos.solve(new DenseSymmetricOperator(b), o.withWarmStart(WarmStart.SUM), Which.LARGEST,
                before.eigenvectors());
        assertTrue(before.allConverged() && cold.allConverged() && warm.allConverged(), warm.toString());
        assertEquals(counting.count, warm.operatorApplications());
        checkPairs(b, warm, TestMatrices.denseEigenvalues(b), k, "warm");
        assertArrayEquals(cold.eigenvalues(), warm.eigenvalues(), 1e-6 * cold.scale());
        assertTrue(warm.operatorApplications() <= 0.6 * cold.operatorApplications(),
                "warm " + warm.operatorApplications() + " vs cold " + cold.operatorApplications());
        assertTrue(warm.operatorApplications() < sum.operatorApplications(),
                "subspace " + warm.operatorApplications() + " vs sum " + sum.operatorApplications());
        System.out.printf("warm-start, clustered (n=%d, k=%d, tol=1e-6, ‖ΔA‖/‖A‖=%.0e): cold %d, SUBSPACE %d, SUM %d "
                + "applications%n", N, k, change, cold.operatorApplications(), warm.operatorApplications(),
                sum.operatorApplications());
    }

    static Stream<Arguments> perturbations() {
        return Stream.of(Arguments.of(1e-6), Arguments.of(1e-5));
    }

    @Test
    void invalidArgumentsAreRejected() {
        double[][] a = TestMatrices.withSpectrum(new double[] {1, 2, 3}, 1);
        assertThrows(IllegalArgumentException.class, () -> Lanczos.largest(new DenseSymmetricOperator(a),
                LanczosOptions.of(4)));
        assertThrows(IllegalArgumentException.class, () -> LanczosOptions.of(3).withMaxApplications(5));
        assertThrows(IllegalArgumentException.class, () -> LanczosOptions.of(3).withKrylovDimension(4));
        assertThrows(IllegalArgumentException.class, () -> LanczosOptions.of(0));
    }
}

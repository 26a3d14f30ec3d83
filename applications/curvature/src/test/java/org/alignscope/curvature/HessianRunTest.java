package org.alignscope.curvature;

import static org.alignscope.curvature.HessianSettings.BATCH;
import static org.alignscope.curvature.HessianSettings.BLOCK;
import static org.alignscope.curvature.HessianSettings.CHECKPOINT;
import static org.alignscope.curvature.ReferenceData.DATA;
import static org.alignscope.curvature.HessianSettings.DENSITY;
import static org.alignscope.curvature.HessianSettings.DENSITY_STEPS;
import static org.alignscope.curvature.HessianSettings.K;
import static org.alignscope.curvature.HessianSettings.LOSS;
import static org.alignscope.curvature.HessianSettings.MODEL;
import static org.alignscope.curvature.ReferenceData.N;
import static org.alignscope.curvature.HessianSettings.NEGATIVE;
import static org.alignscope.curvature.HessianSettings.OPERATOR;
import static org.alignscope.curvature.HessianSettings.OUT;
import static org.alignscope.curvature.HessianSettings.THREADS;
import static org.alignscope.curvature.HessianSettings.TRACE;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.nn.Loss;
import org.alignscope.nn.OperatorKind;
import org.alignscope.nn.ReferenceSet;
import org.alignscope.spectral.EigenResult;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HessianRunTest {
    /** 6 inputs, 5 tanh units, 3 classes: P = 53, small enough for a dense Hessian. */
    static final String TINY = "mlp:6-5-3:tanh";

    static HessianSettings tiny(Path out) {
        return HessianSettings.of(Map.of(MODEL, TINY, OUT, out, DATA, "synthetic", N, 30, LOSS, Loss.CROSS_ENTROPY,
                K, 4, NEGATIVE, 2));
    }

    /** The dense matrix of an operator, column by column from products with unit vectors, symmetrised. */
    static double[][] dense(SymmetricOperator op) {
        int n = op.dimension();
        double[][] m = new double[n][n];
        double[] e = new double[n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            op.apply(e, col);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                m[i][j] = col[i];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = s;
                m[j][i] = s;
            }
        }
        return m;
    }

    /** Eigenvalues of a symmetric matrix, descending. */
    static double[] eigenvalues(double[][] m) {
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(m, false)).getEigenvalues().clone();
        Arrays.sort(ev);
        double[] desc = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            desc[i] = ev[ev.length - 1 - i];
        }
        return desc;
    }

    static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void tinyRunWritesCertifiedEigenpairsThatMatchTheDenseHessian(@TempDir Path dir) throws IOException {
        HessianSettings s = tiny(dir.resolve("run")).with(TRACE, true).with(DENSITY, true).with(DENSITY_STEPS, 20);
        HessianRun.Prepared prep = HessianRun.prepare(s);
        HessianRun.Result r = HessianRun.run(prep, "test", line -> { });
        Path out = s.get(OUT);

        List<String> lines = Files.readAllLines(out.resolve("eigen.csv"));
        assertEquals("index,eigenvalue,residual,converged,hvps", lines.get(0));
        List<String[]> rows = rows(out.resolve("eigen.csv"));
        assertEquals(4, rows.size());
        double lambda1 = Double.parseDouble(rows.get(0)[1]);
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            assertEquals(Integer.toString(i + 1), row[0]);
            double ev = Double.parseDouble(row[1]);
            double res = Double.parseDouble(row[2]);
            if (i > 0) {
                assertTrue(ev <= Double.parseDouble(rows.get(i - 1)[1]), "eigenvalues descending");
            }
            assertEquals("true", row[3], "converged");
            assertTrue(res <= s.get(HessianSettings.TOL) * Math.abs(lambda1), "residual " + res + " above tol·|λ1|");
            assertEquals(Integer.toString(r.top().operatorApplications()), row[4]);
        }

        // The same Hessian built densely from HVPs (of a fresh operator on the same data and parameters).
        SymmetricOperator op = ReferenceSet.of(prep.data().dataset().features(), prep.data().dataset().labels(), 0)
                .hessian(prep.model());
        double[] all = eigenvalues(dense(op));
        double scale = Math.abs(all[0]);
        for (int i = 0; i < 4; i++) {
            assertEquals(all[i], r.top().eigenvalues()[i], 1e-9 * scale, "top eigenvalue " + (i + 1));
        }
        // The tiny cross-entropy Hessian is indefinite: the negative end must match too.
        assertTrue(all[all.length - 1] < 0, "expected negative curvature at the initialisation");
        List<String[]> neg = rows(out.resolve("eigen_negative.csv"));
        assertEquals("index,eigenvalue,residual,converged,hvps", Files.readAllLines(out.resolve("eigen_negative.csv"))
                .get(0));
        assertEquals(2, neg.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(all[all.length - 1 - i], Double.parseDouble(neg.get(i)[1]), 1e-9 * scale);
        }
        // The trace estimators against the exact trace (Hutch++ with 33 sketch vectors on a 53-dim matrix is close).
        double trace = 0;
        for (double v : all) {
            trace += v;
        }
        assertTrue(Math.abs(r.hutchinson().estimate() - trace) <= 5 * r.hutchinson().standardError() + 1e-9 * scale);
        assertTrue(Math.abs(r.hutchPlusPlus().estimate() - trace) <= 5 * r.hutchPlusPlus().standardError()
                + 1e-9 * scale);
        List<String> trace_ = Files.readAllLines(out.resolve("trace.csv"));
        assertEquals("method,estimate,standard_error,hvps,probes", trace_.get(0));
        assertTrue(trace_.get(1).startsWith("hutchinson,") && trace_.get(2).startsWith("hutch++,"));
        // Density files and plot; the SLQ integral is ≈ 1.
        assertTrue(Files.size(out.resolve("density.png")) > 1000);
        assertEquals("eigenvalue,density", Files.readAllLines(out.resolve("density.csv")).get(0));
        assertEquals(1.0, r.density().integral(), 1e-3);
        // Manifest and checkpoint.
        String manifest = Files.readString(out.resolve("manifest.json"));
        for (String key : new String[] {"\"version\"", "\"settings\"", "\"seeds\"", "\"blas\"", "\"precision\"",
            "\"data\"", "\"elapsed_seconds\"", "\"hvps_total\""}) {
            assertTrue(manifest.contains(key), key + " missing from the manifest");
        }
        assertTrue(Files.exists(out.resolve("model").resolve("index.json")));
    }

    @Test
    void checkpointRoundTripGivesTheSameEigenvalues(@TempDir Path dir) {
        HessianSettings first = tiny(dir.resolve("a")).with(K, 3).with(NEGATIVE, 0);
        HessianRun.Result a = HessianRun.run(first, "test", line -> { });
        HessianSettings again = HessianSettings.of(Map.of(CHECKPOINT, dir.resolve("a").resolve("model"),
                OUT, dir.resolve("b"), DATA, "synthetic", N, 30, K, 3));
        HessianRun.Prepared prep = HessianRun.prepare(again);
        assertTrue(prep.fromCheckpoint());
        assertEquals(Loss.CROSS_ENTROPY, prep.model().lossFunction(), "loss taken from the checkpoint");
        HessianRun.Result b = HessianRun.run(prep, "test", line -> { });
        assertArrayEquals(a.top().eigenvalues(), b.top().eigenvalues(), 0.0);
        assertEquals(a.loss(), b.loss(), 0.0);
    }

    @Test
    void chunkedRunGivesTheSameEigenvaluesAndTheGaussNewtonIsPositiveSemiDefinite(@TempDir Path dir) {
        HessianRun.Result whole = HessianRun.run(tiny(dir.resolve("w")).with(K, 3).with(NEGATIVE, 0), "test", l -> { });
        HessianRun.Result chunked = HessianRun.run(tiny(dir.resolve("c")).with(K, 3).with(NEGATIVE, 0)
                .with(OPERATOR, OperatorKind.HESSIAN).with(BATCH, 8), "test", l -> { });
        assertArrayEquals(whole.top().eigenvalues(), chunked.top().eigenvalues(),
                1e-10 * Math.abs(whole.top().eigenvalues()[0]));
        HessianRun.Result ggn = HessianRun.run(tiny(dir.resolve("g")).with(K, 2).with(NEGATIVE, 2)
                .with(OPERATOR, OperatorKind.GGN).with(BATCH, 8), "test", l -> { });
        assertTrue(ggn.top().allConverged());
        assertTrue(ggn.negative().eigenvalues()[0] > -1e-10 * ggn.top().eigenvalues()[0], "GGN must be PSD: "
                + ggn.negative());
    }

    @Test
    void blockRunGivesTheEigenvaluesAndTraceOfTheDenseHessiansSubmatrix(@TempDir Path dir) throws IOException {
        // module 2 of mlp:6-5-3:tanh is the output layer: 2.weight (3x5) at 35, 2.bias (3) at 50
        HessianSettings s = tiny(dir.resolve("block")).with(BLOCK, "2").with(K, 3).with(NEGATIVE, 1).with(TRACE, true).with(DENSITY, false).with(DENSITY_STEPS, 20);
        HessianRun.Prepared prep = HessianRun.prepare(s);
        assertEquals(18, prep.block().size());
        HessianRun.Result r = HessianRun.run(prep, "test", line -> { });
        double[][] full = dense(ReferenceSet.of(prep.data().dataset().features(), prep.data().dataset().labels(), 0)
                .hessian(prep.model()));
        double[][] sub = new double[18][18];
        for (int i = 0; i < 18; i++) {
            System.arraycopy(full[35 + i], 35, sub[i], 0, 18);
        }
        double[] exact = eigenvalues(sub);
        double scale = Math.abs(exact[0]);
        assertTrue(r.top().allConverged());
        for (int i = 0; i < 3; i++) {
            assertEquals(exact[i], r.top().eigenvalues()[i], 1e-9 * scale, "block eigenvalue " + (i + 1));
        }
        assertEquals(exact[17], r.negative().eigenvalues()[0], 1e-9 * scale, "most negative of the block");
        // the output layer's block of a cross-entropy Hessian is PSD (the loss is convex in the last layer)
        assertTrue(exact[17] > -1e-12 * scale);
        // Cauchy interlacing with the whole Hessian
        assertTrue(exact[0] <= eigenvalues(full)[0] + 1e-12 * scale);
        double trace = 0;
        for (int i = 0; i < 18; i++) {
            trace += sub[i][i];
        }
        assertTrue(Math.abs(r.hutchPlusPlus().estimate() - trace) <= 5 * r.hutchPlusPlus().standardError()
                + 1e-9 * scale);
        String manifest = Files.readString(s.get(OUT).resolve("manifest.json"));
        assertTrue(manifest.contains("\"2.weight\"") && manifest.contains("\"2.bias\""), manifest);
        assertEquals(" block 2.weight,2.bias (18 parameters)", HessianRun.blockNote(prep.block()));
    }

    @Test
    void forMseTheOutputLayersHessianBlockIsItsGaussNewtonBlock(@TempDir Path dir) {
        // MSE is quadratic in the outputs and the outputs are linear in the last layer's parameters, so the second
        // term of H = JᵀH_zJ + Σ ∂ℓ/∂z ∇²z vanishes on that block: H[S,S] = G[S,S] exactly, while the whole H ≠ G.
        HessianSettings s = tiny(dir.resolve("h")).with(LOSS, Loss.MSE).with(BLOCK, "2").with(K, 3).with(NEGATIVE, 0);
        HessianRun.Result h = HessianRun.run(HessianRun.prepare(s), "test", line -> { });
        HessianRun.Result g = HessianRun.run(HessianRun.prepare(s.with(OPERATOR, OperatorKind.GGN).with(BATCH, 0)
                .with(OUT, dir.resolve("g"))), "test", line -> { });
        double scale = Math.abs(h.top().eigenvalues()[0]);
        assertArrayEquals(h.top().eigenvalues(), g.top().eigenvalues(), 1e-10 * scale);
        HessianRun.Result hAll = HessianRun.run(HessianRun.prepare(s.with(BLOCK, null).with(OUT, dir.resolve("ha"))),
                "test", line -> { });
        HessianRun.Result gAll = HessianRun.run(HessianRun.prepare(s.with(BLOCK, null).with(OPERATOR, OperatorKind.GGN).with(BATCH, 0)
                .with(OUT, dir.resolve("ga"))), "test", line -> { });
        assertTrue(Math.abs(hAll.top().eigenvalues()[0] - gAll.top().eigenvalues()[0]) > 1e-6 * scale,
                "the whole Hessian differs from the Gauss-Newton matrix away from a minimum");
    }

    @Test
    void inputErrorsNameTheirOption(@TempDir Path dir) {
        HessianSettings s = tiny(dir.resolve("x"));
        assertMessage("--n:", () -> HessianRun.prepare(s.with(DATA, "synthetic").with(N, 31)));
        assertMessage("--k:", () -> HessianRun.prepare(s.with(K, 0).with(NEGATIVE, 0)));
        assertMessage("--k:", () -> HessianRun.prepare(s.with(K, 54).with(NEGATIVE, 0)));
        assertMessage("--model:", () -> HessianRun.prepare(s.with(MODEL, "mlp:6-5-3:tanhh")));
        assertMessage("--model:", () -> HessianRun.prepare(s.with(MODEL, null)));
        assertMessage("--checkpoint:", () -> HessianRun.prepare(HessianSettings.of(Map.of(CHECKPOINT, dir.resolve("nothing")))));
        assertMessage("--data:", () -> HessianRun.prepare(s.with(DATA, "csv:" + dir.resolve("none.csv")).with(N, 30)));
        assertMessage("--data:", () -> HessianRun.prepare(s.with(DATA, "mnist").with(N, 30)));
        assertMessage("--batch:", () -> HessianRun.prepare(s.with(OPERATOR, OperatorKind.HESSIAN).with(BATCH, -1)));
        assertMessage("--threads:", () -> HessianRun.prepare(s.with(THREADS, 0)));
        assertMessage("--block:", () -> HessianRun.prepare(s.with(BLOCK, "1")));
        assertMessage("--block:", () -> HessianRun.prepare(s.with(BLOCK, " ")));
        assertMessage("--k:", () -> HessianRun.prepare(s.with(BLOCK, "2.bias")));
        assertFalse(Files.exists(dir.resolve("x")), "nothing may be written before the input is checked");
    }

    @Test
    void batchSplitRunGivesTheSameEigenpairs(@TempDir Path dir) throws IOException {
        HessianSettings s = tiny(dir.resolve("one"));
        HessianRun.Result one = HessianRun.run(HessianRun.prepare(s), "test", line -> { });
        for (HessianSettings split : List.of(s.with(THREADS, 2).with(OUT, dir.resolve("two")),
                s.with(THREADS, 3).with(OPERATOR, OperatorKind.HESSIAN).with(BATCH, 7).with(OUT, dir.resolve("chunked")))) {
            HessianRun.Result r = HessianRun.run(HessianRun.prepare(split), "test", line -> { });
            double scale = Math.abs(one.top().eigenvalues()[0]);
            for (int i = 0; i < 4; i++) {
                assertEquals(one.top().eigenvalues()[i], r.top().eigenvalues()[i], 1e-9 * scale, "pair " + (i + 1));
            }
            assertTrue(r.top().allConverged());
            assertTrue(java.util.regex.Pattern.compile("\"threads\"\\s*:\\s*" + split.get(THREADS) + "\\b")
                    .matcher(Files.readString(split.get(OUT).resolve("manifest.json"))).find(), "manifest records threads");
        }
    }

    static void assertMessage(String prefix, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(prefix), ex.getMessage());
        assertEquals(1, ex.getMessage().lines().count(), ex.getMessage());
    }

    @Test
    void realFashionMnistSmallSubset(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")),
                "dataset-fashion-mnist is not installed");
        HessianSettings s = HessianSettings.of(Map.of(MODEL, "mlp:784-16-10:tanh", OUT, dir, N, 100,
                LOSS, Loss.MSE, K, 3));
        HessianRun.Prepared prep = HessianRun.prepare(s);
        assertEquals(100, prep.data().dataset().size());
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, prep.data().dataset().classCounts());
        // Centred by the subset's own mean.
        double[] f = prep.data().dataset().features();
        double s0 = 0;
        for (int i = 0; i < 100; i++) {
            s0 += f[i * 784 + 400];
        }
        assertEquals(0, s0, 1e-10);
        HessianRun.Result r = HessianRun.run(prep, "test", l -> { });
        assertTrue(r.top().allConverged(), r.top().toString());
        assertTrue(r.top().eigenvalues()[0] > 0);
        assertNotNull(prep.data().description().get("indices"));
        assertEquals(4, Files.readAllLines(dir.resolve("eigen.csv")).size());
    }
}

package org.alignscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alignscope.data.Dataset;
import org.alignscope.data.GaussianMixture;
import org.alignscope.linalg.SymmetricOperator;
import org.alignscope.linalg.random.RandomStream;
import org.alignscope.nn.Batch;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.Models;
import org.alignscope.nn.OperatorKind;
import org.alignscope.nn.Precision;
import org.alignscope.nn.ReferenceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code subspace.operator}: the dominant subspace from the Hessian (default) or the Gauss–Newton matrix. */
class SubspaceOperatorTest {

    @Test
    void theChunkedReferenceOperatorIsTheWholeSetsMatrixOfEitherKind() {
        Dataset d = GaussianMixture.generate(40, 6, 3, 2, 1, 5);
        Model m = Models.create("mlp:6-5-3:tanh", Loss.CROSS_ENTROPY, Precision.F64, 3, 1.0);
        ReferenceSet chunked = ReferenceSet.of(d.features(), d.labels(), 16);
        Batch all = new Batch(d.features(), d.labels(), d.size());
        double[] v = new double[m.parameterCount()];
        RandomStream.of(1, 2).fillGaussian(v, 0, v.length);
        double[] hv = apply(chunked.curvature(m, OperatorKind.HESSIAN), v);
        double[] gv = apply(chunked.curvature(m, OperatorKind.GGN), v);
        assertEquals(0, relErr(apply(m.hessian(all), v), hv), 1e-13);
        assertEquals(0, relErr(apply(m.gaussNewton(all), v), gv), 1e-13);
        assertEquals(0, relErr(apply(chunked.hessian(m), v), hv), 0.0);
        assertTrue(relErr(hv, gv) > 1e-3, "the Hessian and the Gauss-Newton matrix differ off the minimum");
    }

    @Test
    void aRunWithTheGaussNewtonSubspaceTracksItsEigenvalues(@TempDir Path tmp) throws Exception {
        String arms = "arms: [{name: dom, projection: dom}]";
        String hessian = ProtocolTest.yaml(arms, "").replace("seeds: [11, 12]", "seeds: [11]");
        String ggn = hessian.replace("tolerance: 1e-8}", "tolerance: 1e-8, operator: ggn}");
        assertNotEquals(hessian, ggn);
        TrainExperiment.run(ProtocolTest.config(tmp, hessian), tmp.resolve("h"), "test", null);
        TrainExperiment.run(ProtocolTest.config(tmp, ggn), tmp.resolve("g"), "test", null);
        List<String> h = ProtocolTest.lines(tmp.resolve("h"), "dom", 11);
        List<String> g = ProtocolTest.lines(tmp.resolve("g"), "dom", 11);
        int loss = ProtocolTest.col(h, "ref_loss");
        int l1 = ProtocolTest.col(h, "lambda_1");
        int l2 = ProtocolTest.col(h, "lambda_2");
        // the same initial point (step 0 refreshes in both runs), a different matrix
        assertEquals(ProtocolTest.field(h.get(1), loss), ProtocolTest.field(g.get(1), loss));
        assertNotEquals(ProtocolTest.field(h.get(1), l1), ProtocolTest.field(g.get(1), l1));
        int refreshes = 0;
        for (String line : g.subList(1, g.size())) {
            String lambda2 = ProtocolTest.field(line, l2);
            if (!lambda2.isEmpty()) {
                assertTrue(Double.parseDouble(lambda2) >= -1e-10, "the Gauss-Newton matrix is PSD: " + line);
                refreshes++;
            }
        }
        assertTrue(refreshes >= 2, "refreshes logged: " + refreshes);
        assertTrue(Files.readString(tmp.resolve("g").resolve("manifest.json"))
                .contains("eigenvectors of the reference-set generalised Gauss-Newton matrix"));
    }

    private static double[] apply(SymmetricOperator op, double[] v) {
        double[] out = new double[v.length];
        op.apply(v, out);
        return out;
    }

    private static double relErr(double[] a, double[] b) {
        double d = 0;
        double n = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
            n += b[i] * b[i];
        }
        return Math.sqrt(d / n);
    }
}

package org.alignscope.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alignscope.quadratic.DiagonalNoise;
import org.alignscope.quadratic.FullCovarianceNoise;
import org.alignscope.quadratic.Initialisation;
import org.alignscope.quadratic.IsotropicNoise;
import org.alignscope.quadratic.NoiseModel;
import org.alignscope.quadratic.Projection;
import org.alignscope.quadratic.QuadraticRun;
import org.alignscope.quadratic.Spectrum;
import org.alignscope.quadratic.StepSchedule;
import org.alignscope.quadratic.Trajectory;

/**
 * The settings of a quadratic sweep over spectral gaps m and seeds (one run is a sweep of one m and one seed).
 * Everything is checked in the constructor, before any work starts; an error names the option and the allowed
 * range.
 *
 * @param ms        the gap ratios m as the user wrote them (labels of folders and summary rows)
 * @param spectrum  {@code authors} (dominant linspace(100,80,k), bulk rescaled to λ_k/(m+0.1)),
 *                  {@code two-level:DOM:BULK}, or {@code file:PATH} (eigenvalues; d is the file's length)
 * @param noise     {@code isotropic} (σ = sigma), {@code diag:PATH} (one variance κ_i² per eigen-direction) or
 *                  {@code cov:PATH} (a d×d covariance in eigen-coordinates, rows of numbers)
 * @param init      {@code gaussian} (x_0 ~ N(0, initScale² I)) or {@code file:PATH} (c_0 in eigen-coordinates,
 *                  d numbers)
 * @param dense     simulate in a random rotated basis (O(d²) per step) instead of eigen-coordinates
 */
public record QuadSettings(List<String> ms, List<Long> seeds, int d, int k, double eta, String schedule,
                           double sigma, String noise, String spectrum, double initScale, String init, String step, long steps,
                           int steady, int stride, boolean dense) {

    public QuadSettings {
        ms = List.copyOf(ms);
        seeds = List.copyOf(seeds);
        if (ms.isEmpty()) {
            throw new IllegalArgumentException("--m: give at least one value");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds: give at least one seed");
        }
        for (int i = 0; i < seeds.size(); i++) {
            if (seeds.indexOf(seeds.get(i)) != i) {
                throw new IllegalArgumentException("--seeds: each seed at most once (" + seeds.get(i)
                        + " is given twice)");
            }
        }
        java.util.Set<Double> distinct = new java.util.HashSet<>();
        for (String m : ms) {
            double v;
            try {
                v = Double.parseDouble(m);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--m: must be numbers > 1 (got '" + m + "')");
            }
            if (!(v > 1) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("--m: must be > 1 (got " + m + ")");
            }
            if (!distinct.add(v)) {
                throw new IllegalArgumentException("--m: each value at most once (" + m + " is given twice)");
            }
        }
        if (!spectrum.startsWith("file:")) {
            if (d < 2) {
                throw new IllegalArgumentException("--d: must be >= 2 (got " + d + ")");
            }
            if (k < 1 || k >= d) {
                throw new IllegalArgumentException("--k: must be in [1, d-1] = [1, " + (d - 1) + "] (got " + k + ")");
            }
        }
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("--eta: must be > 0 (got " + eta + ")");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("--sigma: must be >= 0 (got " + sigma + ")");
        }
        if (steps <= 0 || steps >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--steps: must be in [1, " + (Integer.MAX_VALUE - 1) + "] (got " + steps + ")");
        }
        if (steady < 1 || steady > steps) {
            throw new IllegalArgumentException("--steady: must be in [1, steps] = [1, " + steps + "] (got " + steady + ")");
        }
        if (stride < 1) {
            throw new IllegalArgumentException("--stride: must be >= 1 (got " + stride + ")");
        }
        if (!(initScale >= 0) || !Double.isFinite(initScale)) {
            throw new IllegalArgumentException("--init-scale: must be >= 0 (got " + initScale + ")");
        }
        if (initScale == 0 && sigma == 0 && init.equals("gaussian") && noise.equals("isotropic")) {
            throw new IllegalArgumentException("--init-scale: must be > 0 when --sigma is 0 (without noise x_0 = 0"
                    + " never leaves the minimum: the loss is 0 at every step and the alignment θ = 0/0 is undefined)");
        }
        StepSchedule.parse(schedule, eta);
        Projection.parse(step);
        checkMemory(ms.size() * seeds.size(), d, steps, noise, dense);
    }

    /**
     * Refuses a sweep that cannot fit the Java heap ({@link HeapBudget}). Each run holds at least four arrays of
     * d doubles (its start, its coordinates and eigenvalues in the simulator, the noise variances), per block of
     * coordinates that share a noise stream three per-step sums of T + 1 doubles, and at the end its loss and θ
     * series (2(T + 1)); the dense simulator adds a d × d rotation. With a spectrum file d is known only once the
     * file is read, so only the per-step part is checked.
     */
    private static void checkMemory(int runs, int d, long steps, String noise, boolean dense) {
        String what = runs + (runs == 1 ? " run" : " runs") + " of " + steps + " steps";
        if (d > 0) {
            HeapBudget.require("--d", "d", d, what + " at d = " + d, dim -> bytes(dim, 1, runs, noise, dense));
        }
        HeapBudget.require("--steps", "T", steps, what + (d > 0 ? " at d = " + d : ""),
                t -> bytes(Math.max(d, 2), t, runs, noise, dense));
    }

    private static double bytes(long dim, long t, int runs, String noise, boolean dense) {
        double blocks = noise.startsWith("cov:") ? 1 : Math.ceil(dim / (double) new IsotropicNoise(0).blockSize((int) dim));
        double perRun = 4.0 * dim + (3 * blocks + 2) * (t + 1);
        return Double.BYTES * (runs * perRun + (dense ? (double) dim * dim : 0));
    }

    /** The runs of the sweep, m-major then seed; building them reads and checks every file first. */
    public List<QuadraticRun> runs() {
        StepSchedule sched = StepSchedule.parse(schedule, eta);
        Projection proj = Projection.parse(step);
        Initialisation start = initialisation();
        List<QuadraticRun> runs = new ArrayList<>();
        for (String m : ms) {
            Spectrum spec = spectrum(Double.parseDouble(m));
            checkInitialLoss(spec);
            NoiseModel nm = noiseModel(spec.dimension());
            start.coordinates(spec.dimension(), 0);
            for (long seed : seeds) {
                runs.add(new QuadraticRun(spec, nm, start, sched, proj, steps, seed, stride));
            }
        }
        return runs;
    }

    /**
     * Refuses a Gaussian start whose expected loss ½·scale²·Σλ_i already exceeds the divergence threshold
     * ({@link Trajectory#DIVERGENCE_LOSS}): such a run would count as diverged at step 0, and beyond it its
     * moments overflow.
     */
    private void checkInitialLoss(Spectrum spec) {
        if (!init.equals("gaussian")) {
            return;
        }
        double trace = java.util.Arrays.stream(spec.lambda()).sum();
        double largest = Math.sqrt(2 * Trajectory.DIVERGENCE_LOSS / trace);
        if (!(0.5 * initScale * initScale * trace <= Trajectory.DIVERGENCE_LOSS)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--init-scale: must be at most"
                    + " %.3g for this spectrum (got %s: the expected initial loss ½·scale²·Σλ_i would exceed the"
                    + " divergence threshold %.0e)", largest, initScale, Trajectory.DIVERGENCE_LOSS));
        }
    }

    private Initialisation initialisation() {
        if (init.equals("gaussian")) {
            return Initialisation.gaussian(initScale);
        }
        if (init.startsWith("file:")) {
            Path file = Path.of(init.substring(5));
            try {
                return Initialisation.given(numbers(file));
            } catch (IOException | NumberFormatException e) {
                throw new IllegalArgumentException("--init: cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalArgumentException("--init: must be gaussian or file:PATH (got '" + init + "')");
    }

    /** Numbers separated by white space, commas or semicolons, one row per non-comment line. */
    private static double[][] rows(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> java.util.Arrays.stream(l.split("[\\s,;]+")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static double[] numbers(Path file) throws IOException {
        return java.util.Arrays.stream(rows(file)).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private Spectrum spectrum(double m) {
        if (spectrum.equals("authors")) {
            return Spectrum.authors(d, k, m);
        }
        String[] p = spectrum.split(":", 2);
        if (p[0].equals("two-level") && p.length == 2) {
            String[] v = p[1].split(":");
            try {
                if (v.length == 2) {
                    return Spectrum.twoLevel(d, k, Double.parseDouble(v[0]), Double.parseDouble(v[1]));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        } else if (p[0].equals("file") && p.length == 2) {
            Path file = Path.of(p[1]);
            try {
                Spectrum s = Spectrum.read(file, k);
                if (d > 0 && d != s.dimension()) {
                    throw new IllegalArgumentException("--d: the spectrum file has " + s.dimension() + " eigenvalues, --d says " + d);
                }
                return s;
            } catch (IOException e) {
                throw new IllegalArgumentException("--spectrum: cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalArgumentException("--spectrum: must be authors, two-level:DOM:BULK or file:PATH (got '" + spectrum + "')");
    }

    private NoiseModel noiseModel(int dim) {
        if (noise.equals("isotropic")) {
            return new IsotropicNoise(sigma);
        }
        String[] p = noise.split(":", 2);
        if (p.length == 2 && (p[0].equals("diag") || p[0].equals("cov"))) {
            Path file = Path.of(p[1]);
            double[][] rows;
            try {
                rows = rows(file);
            } catch (IOException | NumberFormatException e) {
                throw new IllegalArgumentException("--noise: cannot read " + file + " (" + e.getMessage() + ")");
            }
            NoiseModel model = p[0].equals("diag")
                    ? new DiagonalNoise(java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray())
                    : new FullCovarianceNoise(rows);
            model.checkDimension(dim);
            return model;
        }
        throw new IllegalArgumentException("--noise: must be isotropic, diag:PATH or cov:PATH (got '" + noise + "')");
    }

    /** The settings as a manifest map. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("m", ms);
        m.put("seeds", seeds);
        m.put("d", d);
        m.put("k", k);
        m.put("eta", eta);
        m.put("schedule", schedule);
        m.put("noise", noise);
        m.put("sigma", sigma);
        m.put("spectrum", spectrum);
        m.put("init", init.equals("gaussian") ? "gaussian scale=" + initScale : init);
        m.put("step", step);
        m.put("steps", steps);
        m.put("steady", steady);
        m.put("stride", stride);
        m.put("simulator", dense ? "dense rotated basis" : "eigen-coordinates");
        return m;
    }
}

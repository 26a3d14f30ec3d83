package org.alignscope.train;

import org.alignscope.monitor.AdaptiveSchedule;
import org.alignscope.monitor.MonitorSchedule;

import java.util.List;
import org.alignscope.nn.Loss;
import org.alignscope.nn.Model;
import org.alignscope.nn.Models;
import org.alignscope.nn.OperatorKind;
import org.alignscope.nn.Precision;

/**
 * A validated training experiment, the typed API of a config (read by {@link ConfigReader} through the schemas of
 * {@link TrainSchema}; every key in {@code docs/reference/config.md}).
 *
 * @param name      a label for the manifest
 * @param seeds     one full experiment (base phase, switch, all arms) per seed, run one after the other
 * @param data      the training (= default reference) and test sets
 * @param model     the network
 * @param optimizer the base optimizer, used before the switch and by every arm after it
 * @param steps     total updates T per arm, counted from step 0 (the switch step included)
 * @param batchSize mini-batch size B
 * @param sampler   how the mini-batches are drawn
 * @param subspace  the dominant subspace and its refresh schedule
 * @param switching when the arms branch off
 * @param arms      the paired arms (unique names)
 * @param logging   evaluation, checkpoint and divergence settings
 * @param monitor   the alignment monitor's settings, or null when the config has no {@code monitor:} section
 */
public record TrainConfig(String name, List<Long> seeds, Data data, ModelSettings model, OptimizerConfig optimizer,
                          int steps, int batchSize, Sampler sampler, SubspaceSettings subspace, Switch switching,
                          List<Arm> arms, Logging logging, Monitor monitor) {

    /**
     * @param source      {@code fashion-mnist} or {@code gaussian-mixture}
     * @param folder      Fashion-MNIST folder ({@code null}: the Debian default)
     * @param trainSamples balanced training subset size (a multiple of the class count)
     * @param testSamples test samples for the accuracy: the first ones of the test split (0: no test accuracy)
     * @param dimension   gaussian-mixture features
     * @param classes     gaussian-mixture classes
     * @param separation  gaussian-mixture mean norm
     * @param noise       gaussian-mixture noise σ
     * @param seed        gaussian-mixture seed (the data stay the same across training seeds)
     */
    public record Data(String source, String folder, int trainSamples, int testSamples, int dimension, int classes,
                       double separation, double noise, long seed) {
    }

    /**
     * @param spec      model spec (see nn/README.md)
     * @param initScale multiplies PyTorch's default initialisation
     * @param threads   parts every batch (mini-batch, reference-set chunk) is split into and evaluated concurrently
     *                  ({@link Model#setThreads}); results change with it at the level of rounding only
     */
    public record ModelSettings(String spec, Loss loss, Precision precision, double initScale, int threads) {
        /** A model of this spec and loss (parameters zero), evaluating batches in {@code threads} parts. */
        public Model create() {
            Model m = Models.create(spec, loss, precision);
            m.setThreads(threads);
            return m;
        }

        /** {@link #create()} initialised from {@code seed}: PyTorch's default initialisation × initScale. */
        public Model create(long seed) {
            Model m = Models.create(spec, loss, precision, seed, initScale);
            m.setThreads(threads);
            return m;
        }
    }

    /**
     * @param k                 dominant dimension
     * @param referenceSamples  the first this many training samples form the reference set (0: all)
     * @param chunk             samples per chunk of reference-set evaluations
     * @param refreshEvery      after the switch, each arm's subspace is recomputed every this many steps
     * @param tolerance         Lanczos relative residual target
     * @param maxHvps           Lanczos budget per refresh (Hessian-vector products, certification included)
     * @param krylov            Lanczos basis size before a restart
     * @param operator          whose top-k eigenvectors span the dominant subspace: the Hessian (Song et al.'s
     *                          choice, the default) or the positive semi-definite generalised Gauss–Newton matrix
     */
    public record SubspaceSettings(int k, int referenceSamples, int chunk, int refreshEvery, double tolerance,
                                   int maxHvps, int krylov, OperatorKind operator) {
    }

    /**
     * @param ema          EMA factor β: e ← β e + (1 − β) χ (initialised with the first χ)
     * @param threshold    switch when e &gt; threshold
     * @param checkEvery   before the switch, the subspace is refreshed and χ evaluated every this many steps
     * @param fallbackStep switch here if the threshold has not fired (a check is forced at this step)
     */
    public record Switch(double ema, double threshold, int checkEvery, int fallbackStep) {
    }

    /**
     * @param name       folder name of the arm
     * @param projection what it keeps of each step
     * @param track      whether the arm keeps refreshing its own subspace after the switch (always for a projected
     *                   arm); an untracked plain arm saves the refresh cost and leaves its alignment columns empty
     */
    public record Arm(String name, ArmProjection projection, boolean track) {
    }

    /**
     * @param evalEvery       reference-set loss/gradient alignment and accuracies every this many steps
     * @param checkpointEvery checkpoint every this many steps (0: never)
     * @param divergenceLoss  a loss above this (or non-finite) marks the arm diverged
     */
    public record Logging(int evalEvery, int checkpointEvery, double divergenceLoss) {
    }

    /**
     * The {@code monitor:} section: the alignment monitor evaluated during training.
     *
     * @param every          evaluate at every step t with t mod every = 0
     * @param k              the monitor's dominant dimension (default: subspace.k), or
     *                       {@link org.alignscope.monitor.MonitorOptions#AUTO_K} for {@code k: auto}; not read with
     *                       a dynamic k
     * @param samples        r, noise samples (mini-batch gradients of the training batch size) per evaluation
     * @param arms           the monitored arms, by name (default: every tracked arm)
     * @param thetaThreshold θ above which {@code suspicious-alignment} can be reported
     * @param kSpread        sensitivity range k − kSpread … k + kSpread
     * @param tolerance      Lanczos relative residual target of the monitor's eigenpairs
     * @param maxHvps        Lanczos budget of one evaluation, the eigengap's tightenings included
     * @param effectiveStep  momentum/Nesterov: apply the SGD theory with η/(1 − μ) instead of reporting theory-n/a
     * @param probeSteps     R of the projected-step probe (0: off)
     * @param cumulativePoints p, the predicted steps of each window of the cumulative predictions (0: off)
     * @param cumulativeWindow W, the steps of one window
     * @param dynamicK       c of {@code dynamic_k} (k: the eigenvalues above c/η, {@code DynamicDimension}); 0: off
     * @param kMin           the smallest k a dynamic k uses
     */
    public record Monitor(int every, Adaptive adaptive, int k, int samples, List<String> arms, double thetaThreshold,
                          int kSpread, double tolerance, int maxHvps, boolean effectiveStep, int probeSteps,
                          int cumulativePoints, int cumulativeWindow, double dynamicK, int kMin) {
        /** {@code monitor.k} as written: the integer, or {@code auto}; with a dynamic k {@code dynamic_k: c}. */
        public Object describeK() {
            return dynamicK > 0 ? MonitorSection.DYNAMIC_K.key() + ": " + dynamicK
                    : MonitorSection.K.type().describe(k);
        }

        /** Whether the cumulative loss predictions are on ({@code cumulative_points} > 0). */
        public boolean cumulative() {
            return cumulativePoints > 0;
        }

        /** Whether the arm with this name is monitored. */
        public boolean monitors(String arm) {
            return arms.contains(arm);
        }

        /** A new schedule for one trajectory: every {@code every} steps, or adaptive (its own state). */
        public MonitorSchedule schedule() {
            return adaptive == null ? MonitorSchedule.every(every)
                    : new AdaptiveSchedule(adaptive.minEvery(), adaptive.maxEvery(), adaptive.change());
        }
    }

    /** {@code monitor.every: adaptive}: the settings of {@link AdaptiveSchedule}. */
    public record Adaptive(int minEvery, int maxEvery, double change) {
    }
}

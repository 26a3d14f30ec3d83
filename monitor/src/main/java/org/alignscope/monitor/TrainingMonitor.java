package org.alignscope.monitor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The monitor attached to a training loop: on the steps its schedule selects, {@link #beforeStep} evaluates the
 * theory at the current point and {@link #afterStep} measures the realised change of the reference loss, then
 * hands the row to the CSV file (if any) and to the row consumers.
 *
 * <pre>
 *   TrainingMonitor tm = new TrainingMonitor(source, MonitorOptions.of(10, 32), MonitorSchedule.every(10), csvPath);
 *   for (long t = 0; t &lt; steps; t++) {
 *       tm.beforeStep(t, eta);
 *       ... update the parameters ...
 *       tm.afterStep(t);
 *   }
 *   tm.close();
 * </pre>
 * The evaluation draws its own r mini-batches from the source; it does not consume the training loop's batch.
 * Each evaluation's eigen-solve starts from the previous one's eigenvectors ({@link #eigenvectors}, which a
 * checkpoint saves and {@link #warmStart} restores). A step with η ≤ 0 is not evaluated; a point the theory cannot
 * evaluate (non-finite parameters, loss or gradient, e.g. just before a divergence) is reported to the
 * {@link #onNotEvaluated} consumers instead of stopping the loop.
 */
public final class TrainingMonitor implements StepListener, AutoCloseable {
    private final EvaluationSetup setup;
    private final MonitorSchedule schedule;
    private final MonitorCsv csv;
    private final List<Consumer<MonitorRow>> consumers = new ArrayList<>();
    private final List<Consumer<NotEvaluated>> notEvaluated = new ArrayList<>();
    private double[][] warm;
    private MonitorResult pending;
    private CurvatureSource pendingSource;
    private MonitorRow last;
    private final VerdictTracker verdicts = new VerdictTracker();

    /**
     * @param source   the model's gradients, HVPs and noise
     * @param options  the monitor settings
     * @param schedule when to evaluate
     * @param csvFile  the CSV file to write (flushed every row), or null
     */
    public TrainingMonitor(CurvatureSource source, MonitorOptions options, MonitorSchedule schedule, Path csvFile) {
        this(EvaluationSetup.of(source, options), schedule, csvFile);
    }

    /** As the other constructor, with the source and settings given per step. */
    public TrainingMonitor(EvaluationSetup setup, MonitorSchedule schedule, Path csvFile) {
        this.setup = setup;
        this.schedule = schedule;
        this.csv = csvFile == null ? null : new MonitorCsv(csvFile);
    }

    /** Adds a consumer that receives every completed row (e.g. a JSON writer or a progress line). */
    public TrainingMonitor onRow(Consumer<MonitorRow> consumer) {
        consumers.add(consumer);
        return this;
    }

    /** A due step that could not be evaluated, with its {@code not-evaluated} finding. */
    public record NotEvaluated(long step, double eta, Finding finding) {
    }

    /** Adds a consumer that receives every due step that could not be evaluated. */
    public TrainingMonitor onNotEvaluated(Consumer<NotEvaluated> consumer) {
        notEvaluated.add(consumer);
        return this;
    }

    @Override
    public void beforeStep(long step, double eta) {
        pending = null;
        if (!schedule.due(step) || !(eta > 0)) {
            return;
        }
        MonitorResult r;
        try {
            r = evaluate(step, eta);
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            schedule.evaluated(step, null);
            NotEvaluated n = new NotEvaluated(step, eta, Finding.notEvaluated(eta, e.getMessage()));
            for (Consumer<NotEvaluated> c : notEvaluated) {
                c.accept(n);
            }
            return;
        }
        schedule.evaluated(step, r);
    }

    /**
     * Evaluates the current point for step {@code step} whatever the schedule says, its verdict after this
     * trajectory's hysteresis ({@link #verdicts()}); {@link #afterStep} then completes its row.
     *
     * @throws IllegalArgumentException where the theory has no values (also IllegalStateException or
     *                                  ArithmeticException)
     */
    public MonitorResult evaluate(long step, double eta) {
        AlignmentMonitor m = new AlignmentMonitor(setup.options(step));
        m.warmStart(warm);
        CurvatureSource src = setup.source(step);
        MonitorResult evaluated = m.evaluate(src, step, eta);
        MonitorResult r = evaluated.withVerdict(verdicts.update(evaluated));
        warm = m.eigenvectors();
        pending = r;
        pendingSource = src;
        return r;
    }

    /** The evaluation of the current step that waits for {@link #afterStep}, or null. */
    public MonitorResult pending() {
        return pending;
    }

    /** The eigenvectors the next evaluation starts from (the last evaluation's), or null. */
    public double[][] eigenvectors() {
        return warm;
    }

    /** Starts the next evaluation's eigen-solve from {@code vectors} (null: cold). */
    public void warmStart(double[][] vectors) {
        warm = vectors;
    }

    /** The trajectory's verdict with its hysteresis state (which a checkpoint saves and restores). */
    public VerdictTracker verdicts() {
        return verdicts;
    }

    /** When this monitor evaluates. */
    public MonitorSchedule schedule() {
        return schedule;
    }

    @Override
    public void afterStep(long step) {
        afterStep(step, true);
    }

    /**
     * Completes the row of the evaluation made before this step, with the realised change of the reference loss
     * over the step when {@code measured} (false, e.g. after a divergence: the change is undefined).
     */
    public void afterStep(long step, boolean measured) {
        if (pending == null) {
            return;
        }
        if (pending.step() != step) {
            throw new IllegalStateException("afterStep(" + step + ") after beforeStep(" + pending.step() + ")");
        }
        MonitorRow row = new MonitorRow(pending, measured ? pendingSource.loss() - pending.loss() : Double.NaN);
        pending = null;
        last = row;
        if (csv != null) {
            csv.write(row);
        }
        for (Consumer<MonitorRow> c : consumers) {
            c.accept(row);
        }
    }

    /** The last completed row, or null. */
    public MonitorRow last() {
        return last;
    }

    @Override
    public void close() {
        if (csv != null) {
            csv.close();
        }
    }
}

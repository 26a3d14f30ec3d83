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
 */
public final class TrainingMonitor implements StepListener, AutoCloseable {
    private final CurvatureSource source;
    private final AlignmentMonitor monitor;
    private final MonitorSchedule schedule;
    private final MonitorCsv csv;
    private final List<Consumer<MonitorRow>> consumers = new ArrayList<>();
    private MonitorResult pending;
    private MonitorRow last;

    /**
     * @param source   the model's gradients, HVPs and noise
     * @param options  the monitor settings
     * @param schedule when to evaluate
     * @param csvFile  the CSV file to write (flushed every row), or null
     */
    public TrainingMonitor(CurvatureSource source, MonitorOptions options, MonitorSchedule schedule, Path csvFile) {
        this.source = source;
        this.monitor = new AlignmentMonitor(options);
        this.schedule = schedule;
        this.csv = csvFile == null ? null : new MonitorCsv(csvFile);
    }

    /** Adds a consumer that receives every completed row (e.g. a JSON writer or a progress line). */
    public TrainingMonitor onRow(Consumer<MonitorRow> consumer) {
        consumers.add(consumer);
        return this;
    }

    @Override
    public void beforeStep(long step, double eta) {
        pending = schedule.due(step) ? monitor.evaluate(source, step, eta) : null;
        if (pending != null) {
            schedule.evaluated(step, pending);
        }
    }

    @Override
    public void afterStep(long step) {
        if (pending == null) {
            return;
        }
        if (pending.step() != step) {
            throw new IllegalStateException("afterStep(" + step + ") after beforeStep(" + pending.step() + ")");
        }
        MonitorRow row = new MonitorRow(pending, source.loss() - pending.loss());
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

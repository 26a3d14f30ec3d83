package org.alignscope.monitor;

/**
 * One output row: an evaluation (with its verdict) and the realised change of the reference loss over the step that
 * followed it.
 *
 * @param result    the evaluation at w<sub>t</sub>
 * @param dlossReal L(w<sub>t+1</sub>) − L(w<sub>t</sub>) on the reference set (NaN when not measured)
 */
public record MonitorRow(MonitorResult result, double dlossReal) {
}

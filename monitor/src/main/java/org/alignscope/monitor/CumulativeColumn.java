package org.alignscope.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One column of {@code cumulative.csv} and {@code cumulative.jsonl} (a {@link CumulativeRow} per completed window of
 * {@link CumulativeWindow}), with its unit and meaning, declared once for the writer and the generated reference.
 *
 * @param name    the column's name
 * @param unit    its unit
 * @param meaning what it holds, in one line
 * @param value   its value in a row (integers as {@code long})
 */
public record CumulativeColumn(String name, String unit, String meaning, Function<CumulativeRow, Object> value) {
    /** Every column, in the files' order. */
    public static final List<CumulativeColumn> ALL = List.of(
            new CumulativeColumn("window_start", "step", "the window's first step", r -> r.start()),
            new CumulativeColumn("window_end", "step", "the first step after the window (the change is up to w_end)",
                    r -> r.end()),
            new CumulativeColumn("window_steps", "steps", "W = window_end − window_start", r -> r.steps()),
            new CumulativeColumn("points", "steps", "p: the steps of the window whose E ΔL was predicted",
                    r -> (long) r.points()),
            new CumulativeColumn("cum_pred_dloss", "loss", "(W/p)·Σ E ΔL_t over the p drawn steps",
                    r -> r.predicted()),
            new CumulativeColumn("cum_pred_se", "loss", "the standard error of cum_real_dloss − cum_pred_dloss",
                    r -> r.stdError()),
            new CumulativeColumn("cum_real_dloss", "loss", "the realised change of the reference loss over the window",
                    r -> r.realised()),
            new CumulativeColumn("z", "1", "(cum_real_dloss − cum_pred_dloss)/cum_pred_se; empty when the se is 0",
                    r -> r.z()),
            new CumulativeColumn("se_choice", "loss", "the part of cum_pred_se from drawing p of the W steps",
                    r -> r.seChoice()),
            new CumulativeColumn("se_draws", "loss", "its part from the Monte Carlo error of the p predictions",
                    r -> r.seDraws()),
            new CumulativeColumn("se_spread", "loss", "its part from the spread of the realised step changes",
                    r -> r.seSpread()),
            new CumulativeColumn("loss_start", "loss", "the reference loss at w_window_start", r -> r.startLoss()),
            new CumulativeColumn("loss_end", "loss", "the reference loss at w_window_end", r -> r.endLoss()));

    /** The names of {@link #ALL}, in order. */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (CumulativeColumn c : ALL) {
            n.add(c.name());
        }
        return Collections.unmodifiableList(n);
    }

    /** A row's values by column name, in the files' order. */
    public static Map<String, Object> values(CumulativeRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (CumulativeColumn c : ALL) {
            m.put(c.name(), c.value().apply(row));
        }
        return m;
    }
}

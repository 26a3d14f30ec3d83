package org.alignscope.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.alignscope.settings.SettingType;

/**
 * The type of {@code monitor.every}: an interval in steps (an integer ≥ 1) or the word {@code adaptive}, read as
 * {@link #ADAPTIVE} (no interval: the adaptive schedule picks them), as {@link TrainConfig.Monitor#every()} holds it.
 */
final class MonitorEvery implements SettingType<Integer> {
    /** The value of {@code adaptive}. */
    static final int ADAPTIVE = 0;
    private static final String WORD = "adaptive";

    @Override
    public Integer parse(String text) {
        if (text.trim().toLowerCase(Locale.ROOT).equals(WORD)) {
            return ADAPTIVE;
        }
        try {
            return interval(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw neither(text);
        }
    }

    @Override
    public Integer read(JsonNode node) {
        if (node.isTextual() && node.asText().trim().toLowerCase(Locale.ROOT).equals(WORD)) {
            return ADAPTIVE;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw neither(node.asText());
        }
        return interval(node.asLong());
    }

    private static int interval(long steps) {
        if (steps < 1 || steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(steps + " is out of range; allowed: >= 1");
        }
        return (int) steps;
    }

    private static IllegalArgumentException neither(String text) {
        return new IllegalArgumentException("'" + text + "' is neither an integer >= 1 nor '" + WORD + "'");
    }

    @Override
    public String allowed() {
        return "integer >= 1 or " + WORD;
    }

    @Override
    public Object describe(Integer value) {
        return value == ADAPTIVE ? WORD : value;
    }
}

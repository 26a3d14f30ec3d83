package org.alignscope.settings;

import java.util.function.Function;

/**
 * What a setting is when the user does not give it: a constant, a value derived from settings read before it
 * (the Krylov size from k), nothing ({@code null}: the setting is optional), or an error (the setting is required).
 *
 * @param text     how the reference writes it ({@code 10}, {@code max(2k + 10, 30)}, {@code none})
 * @param value    the value given the settings read so far; null for a required setting
 */
public record Fallback<T>(String text, Function<Values, T> value) {

    /** Whether the user must give the setting. */
    public boolean required() {
        return value == null;
    }
}

package org.alignscope.settings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one kind of setting is written and checked. Errors are {@link IllegalArgumentException}s carrying only the
 * detail ({@code 0 is out of range; allowed: [1, 64]}); the schema puts the setting's label in front.
 *
 * @param <T> the value's Java type
 */
public interface SettingType<T> {

    /** The value written as text: a command-line option or a sweep's grid entry. */
    T parse(String text);

    /** The value as a YAML file gives it; by default a scalar read as its text. */
    default T read(JsonNode node) {
        if (!node.isValueNode()) {
            throw new IllegalArgumentException("must be a single value");
        }
        return parse(node.asText());
    }

    /**
     * Checks a value given typed (by a caller in code) as {@link #parse} checks text; a type whose Java values are
     * all valid (numbers are range-checked by {@link #check}) keeps this default.
     */
    default void validate(T value) {
    }

    /**
     * Checks a value against what may depend on settings read before (a range's derived ends).
     *
     * @param written the value as the user wrote it, for the message
     */
    default void check(T value, String written, Values earlier) {
    }

    /** What is allowed, for the reference and the option's help ({@code integer in [1, 64]}). */
    String allowed();

    /** The value as a manifest records it (numbers, strings, booleans, lists). */
    default Object describe(T value) {
        return value;
    }

    /** The value as the reference and the help write it. */
    default String format(T value) {
        Object d = describe(value);
        return d instanceof Double x ? Bound.number(x) : String.valueOf(d);
    }

    /**
     * The value given as the texts of an option the command line repeats, in order; a type that is not
     * {@link #repeatable} takes exactly one.
     */
    default T parse(java.util.List<String> texts) {
        if (texts.size() != 1) {
            throw new IllegalArgumentException("give one value, not " + texts.size());
        }
        return parse(texts.get(0));
    }

    /** Whether the command line may repeat the option, each time with one element of the value (a list). */
    default boolean repeatable() {
        return false;
    }

    /** Whether the setting is a switch: an option without a value on the command line. */
    default boolean isFlag() {
        return false;
    }
}

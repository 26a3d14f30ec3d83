package org.alignscope.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The kinds of settings: integers and reals in a range, switches, choices, text, paths and seed lists. */
public final class Types {
    private Types() {
    }

    /** An integer in {@code [min, max]}. */
    public static SettingType<Integer> integer(long min, long max) {
        return integer(new Range(Bound.including(min), Bound.including(max)));
    }

    /** An integer {@code >= min}. */
    public static SettingType<Integer> integerFrom(long min) {
        return integer(new Range(Bound.including(min), null));
    }

    /** An integer in a range whose ends may derive from earlier settings. */
    public static SettingType<Integer> integer(Range range) {
        return new IntegerType<>(range, Math::toIntExact);
    }

    /** A long integer in {@code [min, max]}. */
    public static SettingType<Long> longInteger(long min, long max) {
        return new IntegerType<>(new Range(Bound.including(min), Bound.including(max)), x -> x);
    }

    /** Any long integer (a seed). */
    public static SettingType<Long> anyLong() {
        return new IntegerType<>(null, x -> x);
    }

    /**
     * An integer of type {@code integer} or the word {@code word} (any case), read as {@code wordValue}, a value
     * outside {@code integer}'s range that stands for the word ({@code monitor.every: adaptive}, {@code monitor.k:
     * auto}).
     */
    public static SettingType<Integer> integerOr(SettingType<Integer> integer, String word, int wordValue) {
        return new SettingType<>() {
            @Override
            public Integer parse(String text) {
                if (isWord(text)) {
                    return wordValue;
                }
                try {
                    Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    throw neither(text);
                }
                return notTheWord(integer.parse(text));
            }

            @Override
            public Integer read(JsonNode node) {
                if (node.isTextual() && isWord(node.asText())) {
                    return wordValue;
                }
                if (!node.isIntegralNumber()) {
                    throw neither(node.asText());
                }
                return notTheWord(integer.read(node));
            }

            /** The integer as written, refused where it is the value that stands for the word. */
            private Integer notTheWord(Integer value) {
                if (value == wordValue) {
                    throw new IllegalArgumentException(value + " is out of range; allowed: " + allowed());
                }
                return value;
            }

            private boolean isWord(String text) {
                return text.trim().toLowerCase(Locale.ROOT).equals(word);
            }

            private IllegalArgumentException neither(String text) {
                return new IllegalArgumentException("'" + text + "' is neither an " + integer.allowed() + " nor '"
                        + word + "'");
            }

            @Override
            public void check(Integer value, String written, Values earlier) {
                if (value != wordValue) {
                    integer.check(value, written, earlier);
                }
            }

            @Override
            public String allowed() {
                return integer.allowed() + " or " + word;
            }

            @Override
            public Object describe(Integer value) {
                return value == wordValue ? word : integer.describe(value);
            }
        };
    }

    /** A finite real number in a range. */
    public static SettingType<Double> real(Range range) {
        return new RealType(range);
    }

    /** A real number in {@code [min, max]}. */
    public static SettingType<Double> real(double min, double max) {
        return real(new Range(Bound.including(min), Bound.including(max)));
    }

    /** A real number {@code > 0} (and finite). */
    public static SettingType<Double> positive() {
        return real(new Range(Bound.excluding(0), null));
    }

    /** A real number {@code > 0} and at most {@code max}. */
    public static SettingType<Double> positive(double max) {
        return real(new Range(Bound.excluding(0), Bound.including(max)));
    }

    /** A real number {@code >= 0} (and finite). */
    public static SettingType<Double> nonNegative() {
        return real(new Range(Bound.including(0), null));
    }

    /** A real number in {@code [min, max)}. */
    public static SettingType<Double> realBelow(double min, double max) {
        return real(new Range(Bound.including(min), Bound.excluding(max)));
    }

    /** true or false; on the command line a switch. */
    public static SettingType<Boolean> flag() {
        return new SettingType<>() {
            @Override
            public Boolean parse(String text) {
                String t = text.trim().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return Boolean.valueOf(t);
                }
                throw notAllowed(text);
            }

            @Override
            public Boolean read(JsonNode node) {
                if (!node.isBoolean()) {
                    throw notAllowed(node.asText());
                }
                return node.asBoolean();
            }

            private IllegalArgumentException notAllowed(String text) {
                return new IllegalArgumentException("'" + text + "' is not allowed; allowed: true, false");
            }

            @Override
            public String allowed() {
                return "true or false";
            }

            @Override
            public boolean isFlag() {
                return true;
            }
        };
    }

    /** One of the given words, any case; the value is the word as listed. */
    public static SettingType<String> choice(String... words) {
        return choice(Function.identity(), Function.identity(), words);
    }

    /** One of the given words, any case, mapped to a value (an enum constant) and back. */
    public static <T> SettingType<T> choice(Function<String, T> value, Function<T, String> word, String... words) {
        List<String> all = List.copyOf(new LinkedHashSet<>(Arrays.asList(words)));
        return new SettingType<>() {
            @Override
            public T parse(String text) {
                String lower = text.trim().toLowerCase(Locale.ROOT);
                if (!all.contains(lower)) {
                    throw new IllegalArgumentException("'" + text + "' is not allowed; allowed: "
                            + String.join(", ", all));
                }
                return value.apply(lower);
            }

            @Override
            public String allowed() {
                return String.join(", ", all);
            }

            @Override
            public Object describe(T v) {
                return word.apply(v);
            }
        };
    }

    /** One of the given values (enum constants), written as {@code label} writes them, any case. */
    @SafeVarargs
    public static <T> SettingType<T> oneOf(Function<T, String> label, T... values) {
        java.util.Map<String, T> byWord = new java.util.LinkedHashMap<>();
        for (T v : values) {
            byWord.put(label.apply(v), v);
        }
        return choice(byWord::get, label, byWord.keySet().toArray(String[]::new));
    }

    /** Free text. */
    public static SettingType<String> text() {
        return text("text");
    }

    /** Free text of the given form, e.g. {@code a model spec}. */
    public static SettingType<String> text(String form) {
        return parsed(form, s -> s, s -> s);
    }

    /** A file or folder. */
    public static SettingType<Path> path() {
        return parsed("a path", Path::of, Path::toString);
    }

    /**
     * Text read by {@code parse} (which throws {@link IllegalArgumentException} with the detail) into a value that
     * {@code describe} writes back.
     */
    public static <T> SettingType<T> parsed(String form, Function<String, T> parse, Function<T, Object> describe) {
        return new SettingType<>() {
            @Override
            public T parse(String text) {
                return parse.apply(text);
            }

            @Override
            public void validate(T value) {
                parse.apply(String.valueOf(describe.apply(value)));
            }

            @Override
            public String allowed() {
                return form;
            }

            @Override
            public Object describe(T v) {
                return describe.apply(v);
            }
        };
    }

    /**
     * A non-empty list of words of the given form ({@code arm names}); in YAML a list of scalars, on the command line
     * comma-separated. Which words exist is for the caller to check once it knows them.
     */
    public static SettingType<List<String>> words(String form) {
        return new SettingType<>() {
            @Override
            public List<String> parse(String text) {
                List<String> out = new ArrayList<>();
                for (String part : text.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
                return checked(out);
            }

            @Override
            public List<String> read(JsonNode node) {
                List<String> out = new ArrayList<>();
                if (node.isArray()) {
                    for (JsonNode e : node) {
                        if (!e.isValueNode()) {
                            throw notAList();
                        }
                        out.add(e.asText());
                    }
                } else {
                    throw notAList();
                }
                return checked(out);
            }

            private List<String> checked(List<String> out) {
                if (out.isEmpty()) {
                    throw notAList();
                }
                return List.copyOf(out);
            }

            private IllegalArgumentException notAList() {
                return new IllegalArgumentException("must be " + allowed());
            }

            @Override
            public String allowed() {
                return "a non-empty list of " + form;
            }

            @Override
            public String format(List<String> v) {
                return String.join(", ", v);
            }
        };
    }

    /** One integer or a non-empty list of distinct integers (seeds); on the command line comma-separated. */
    public static SettingType<List<Long>> longList() {
        return new SettingType<>() {
            @Override
            public List<Long> parse(String text) {
                List<Long> out = new ArrayList<>();
                for (String part : text.split(",")) {
                    add(out, part.trim(), () -> anyLong().parse(part.trim()));
                }
                return List.copyOf(out);
            }

            @Override
            public List<Long> read(JsonNode node) {
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    return List.of(node.asLong());
                }
                if (!node.isArray() || node.isEmpty()) {
                    throw new IllegalArgumentException("allowed: an integer or a non-empty list of integers");
                }
                List<Long> out = new ArrayList<>();
                for (JsonNode e : node) {
                    add(out, e.asText(), () -> {
                        if (!e.isIntegralNumber() || !e.canConvertToLong()) {
                            throw new IllegalArgumentException("'" + e.asText() + "' is not an integer; allowed: a"
                                    + " list of integer seeds");
                        }
                        return e.asLong();
                    });
                }
                return List.copyOf(out);
            }

            private void add(List<Long> out, String text, java.util.function.Supplier<Long> value) {
                long x = value.get();
                if (out.contains(x)) {
                    throw new IllegalArgumentException("seed " + text + " is listed twice");
                }
                out.add(x);
            }

            @Override
            public String allowed() {
                return "an integer or a list of distinct integers";
            }

            @Override
            public String format(List<Long> v) {
                return v.size() == 1 ? v.get(0).toString() : v.toString();
            }
        };
    }

    /**
     * A list of elements of one type, empty by default: on the command line an option given once per element
     * ({@code --allow-host a --allow-host b}), in YAML a list (or one scalar).
     */
    public static <T> SettingType<List<T>> repeated(SettingType<T> element) {
        return new SettingType<>() {
            @Override
            public List<T> parse(String text) {
                return List.of(element.parse(text));
            }

            @Override
            public List<T> parse(List<String> texts) {
                return texts.stream().map(element::parse).toList();
            }

            @Override
            public List<T> read(JsonNode node) {
                if (!node.isArray()) {
                    return List.of(element.read(node));
                }
                List<T> out = new ArrayList<>();
                node.forEach(e -> out.add(element.read(e)));
                return List.copyOf(out);
            }

            @Override
            public void validate(List<T> value) {
                value.forEach(element::validate);
            }

            @Override
            public String allowed() {
                return element.allowed() + ", any number";
            }

            @Override
            public Object describe(List<T> value) {
                return value.stream().map(element::describe).toList();
            }

            @Override
            public String format(List<T> value) {
                return value.isEmpty() ? "none" : value.stream().map(element::format).toList().toString();
            }

            @Override
            public boolean repeatable() {
                return true;
            }
        };
    }

    /** Integers, as YAML and the command line write them, range-checked. */
    private static final class IntegerType<T extends Number> implements SettingType<T> {
        private final Range range;
        private final Function<Long, T> convert;

        IntegerType(Range range, Function<Long, T> convert) {
            this.range = range;
            this.convert = convert;
        }

        @Override
        public T parse(String text) {
            try {
                return convert.apply(Long.parseLong(text.trim()));
            } catch (NumberFormatException | ArithmeticException e) {
                throw notInteger(text);
            }
        }

        @Override
        public T read(JsonNode node) {
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw notInteger(node.asText());
            }
            return parse(Long.toString(node.asLong()));
        }

        private IllegalArgumentException notInteger(String text) {
            return new IllegalArgumentException("'" + text + "' is not an integer"
                    + (range == null ? "" : "; allowed: " + range.describe()));
        }

        @Override
        public void check(T value, String written, Values earlier) {
            if (range != null && !range.contains(value.doubleValue(), earlier)) {
                throw new IllegalArgumentException(value + " is out of range; allowed: " + range.render(earlier));
            }
        }

        @Override
        public String allowed() {
            return range == null ? "integer" : "integer " + inRange(range);
        }
    }

    /** Finite reals (YAML numbers or numeric text), range-checked. */
    private static final class RealType implements SettingType<Double> {
        private final Range range;

        RealType(Range range) {
            this.range = range;
        }

        @Override
        public Double parse(String text) {
            double x;
            try {
                x = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number");
            }
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException(text + " is out of range; allowed: " + range.describe());
            }
            return x;
        }

        @Override
        public Double read(JsonNode node) {
            if (node.isNumber()) {
                return parse(node.asText());
            }
            if (node.isTextual()) {
                return parse(node.asText());
            }
            throw new IllegalArgumentException("'" + node.asText() + "' is not a number");
        }

        @Override
        public void check(Double value, String written, Values earlier) {
            if (!range.contains(value, earlier)) {
                throw new IllegalArgumentException(written + " is out of range; allowed: " + range.render(earlier));
            }
        }

        @Override
        public String allowed() {
            return "number " + inRange(range);
        }
    }

    private static String inRange(Range r) {
        String d = r.describe();
        return d.startsWith("[") || d.startsWith("(") ? "in " + d : d;
    }
}

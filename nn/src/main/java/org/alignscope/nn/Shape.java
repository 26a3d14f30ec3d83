package org.alignscope.nn;

/**
 * The per-sample shape of an activation: channels × height × width; a flat vector of f features is f × 1 × 1
 * with {@code flat = true}.
 */
public record Shape(int channels, int height, int width, boolean flat) {
    /** A flat vector of f features. */
    public static Shape vector(int f) {
        return new Shape(f, 1, 1, true);
    }

    /** An image of c × h × w. */
    public static Shape image(int c, int h, int w) {
        return new Shape(c, h, w, false);
    }

    /** Elements per sample. */
    public int size() {
        return channels * height * width;
    }

    @Override
    public String toString() {
        return flat ? Integer.toString(channels) : channels + "x" + height + "x" + width;
    }
}

package org.alignscope.nn;

import java.util.Arrays;

/**
 * One named tensor inside a model's flat parameter vector, in PyTorch's naming and layout: {@code "0.weight"}
 * with shape {@code out × in} for a dense layer, {@code out × in × kh × kw} for a convolution, {@code "0.bias"}
 * with shape {@code out}. The tensor occupies {@code parameters()[offset .. offset + size())} in C order.
 */
public record TensorInfo(String name, int[] shape, int offset) {
    public TensorInfo {
        shape = shape.clone();
    }

    /** The number of elements, the product of the shape. */
    public int size() {
        int s = 1;
        for (int d : shape) {
            s *= d;
        }
        return s;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && t.name.equals(name) && Arrays.equals(t.shape, shape) && t.offset == offset;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape) * 7 + offset;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + "@" + offset;
    }
}

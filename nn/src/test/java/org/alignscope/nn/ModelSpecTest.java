package org.alignscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSpecTest {
    @Test
    void mlpParameterCountsShapesAndPytorchNames() {
        ModelSpec s = ModelSpec.parse("mlp:784-200-200-10:tanh");
        assertEquals(784 * 200 + 200 + 200 * 200 + 200 + 200 * 10 + 10, s.parameterCount());
        assertEquals(5, s.layers().size(), "Linear, Tanh, Linear, Tanh, Linear");
        assertEquals(new ModelSpec.Act(Activation.TANH), s.layers().get(1));
        assertEquals(10, s.output().size());
        Network n = Network.create(s, Loss.MSE, Precision.F64);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"),
                n.tensors().stream().map(TensorInfo::name).collect(Collectors.toList()));
        TensorInfo last = n.tensors().get(5);
        assertEquals(s.parameterCount() - 10, last.offset());
        assertEquals(2, ModelSpec.parse("mlp:4-3-2:linear").layers().size(), "deep linear: no activations");
    }

    @Test
    void cnnShapesFollowPytorchFormulasAndFlattenIsImplicit() {
        ModelSpec s = ModelSpec.parse("cnn:1x28x28:c16k3s1p1-relu-max2-c32k3p1-relu-max2-d10");
        assertEquals(Shape.image(16, 28, 28), s.shapeBefore(1));
        assertEquals(Shape.image(16, 14, 14), s.shapeBefore(3));
        assertEquals(Shape.image(32, 7, 7), s.shapeBefore(6));
        assertEquals(new ModelSpec.Flatten(), s.layers().get(6), "flatten inserted before d10 as module 6");
        assertEquals(16 * 9 + 16 + 32 * 16 * 9 + 32 + 10 * 32 * 49 + 10, s.parameterCount());
        Network n = Network.create(s, Loss.CROSS_ENTROPY, Precision.F32);
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias"),
                n.tensors().stream().map(TensorInfo::name).collect(Collectors.toList()));
        assertTrue(java.util.Arrays.equals(new int[] {32, 16, 3, 3}, n.tensors().get(2).shape()));
        ModelSpec strided = ModelSpec.parse("cnn:3x9x9:c4k3s2-avg3s1-flat-d5");
        assertEquals(Shape.image(4, 4, 4), strided.shapeBefore(1));
        assertEquals(Shape.image(4, 2, 2), strided.shapeBefore(2));
        assertEquals(Shape.vector(16), strided.shapeBefore(3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "cnn:1x28x28:c16k3-relu-mx2-d10;'mx2' (token 3)",
        "cnn:1x28x28:c16k-relu;'c16k' (token 1)",
        "cnn:1x28x28:c16k3--d10;'' (token 2)",
        "cnn:1x4x4:c2k5-d3;'c2k5' (token 1): kernel 5 does not fit",
        "cnn:1x4x4:d3-c2k2;'c2k2' (token 2): a convolution needs an image input",
        "cnn:1x4x4:max5-d2;'max5' (token 1): pool window",
        "cnn:1x4x4:c0k2-d2;'c0k2' (token 1): output channels must be positive",
        "cnn:1x28:c2k2-d2;'1x28' (token 0)",
        "cnn:1x4x4;expected cnn:<C>x<H>x<W>:<layers>",
        "mlp:784-200-10;missing activation",
        "mlp:784-20x-10:tanh;'20x' (token 2)",
        "mlp:784-200-10:sigmoid;'sigmoid' (token 4)",
        "mlp:784;at least input and output",
        "rnn:3-4;unknown family 'rnn'",
        "lls:4-3-2;expected lls:<in>-<out>"})
    void errorsNameTheBadToken(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse(spec));
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
        assertTrue(e.getMessage().contains(spec), "message names the spec: " + e.getMessage());
    }

    @Test
    void precisionAndLossNames() {
        assertEquals(Precision.F32, Precision.parse("float32"));
        assertEquals(Loss.CROSS_ENTROPY, Loss.parse("ce"));
        assertThrows(IllegalArgumentException.class, () -> Loss.parse("hinge"));
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("f16"));
    }
}

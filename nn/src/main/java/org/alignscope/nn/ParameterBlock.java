package org.alignscope.nn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Some of a model's parameter tensors, chosen by PyTorch name: the index set of a Hessian block (per-layer or
 * per-tensor curvature). A selection is a comma-separated list whose items are tensor names ({@code 0.weight},
 * {@code 2.bias}) or module indices ({@code 0}: every tensor of module 0, i.e. its weight and bias); the tensors
 * keep the order of the flat parameter vector.
 *
 * @param tensors the chosen tensors, in parameter order
 */
public record ParameterBlock(List<TensorInfo> tensors) {
    public ParameterBlock {
        tensors = List.copyOf(tensors);
    }

    /**
     * The tensors of {@code model} that {@code selection} names.
     *
     * @throws IllegalArgumentException naming the item that matches no tensor and listing the model's tensors
     */
    public static ParameterBlock select(Model model, String selection) {
        List<TensorInfo> all = model.tensors();
        Set<String> chosen = new LinkedHashSet<>();
        for (String raw : selection.split(",", -1)) {
            String item = raw.trim();
            List<String> hits = all.stream().map(TensorInfo::name)
                    .filter(name -> name.equals(item) || name.startsWith(item + "."))
                    .collect(Collectors.toList());
            if (item.isEmpty() || hits.isEmpty()) {
                throw new IllegalArgumentException("no tensor or module '" + item + "' in " + model.spec()
                        + "; its tensors are " + all.stream().map(ParameterBlock::describe)
                        .collect(Collectors.joining(", ")) + " (a module index such as 0 takes its weight and bias)");
            }
            chosen.addAll(hits);
        }
        List<TensorInfo> picked = new ArrayList<>();
        for (TensorInfo t : all) {
            if (chosen.contains(t.name())) {
                picked.add(t);
            }
        }
        return new ParameterBlock(picked);
    }

    /** The number of parameters in the block. */
    public int size() {
        return tensors.stream().mapToInt(TensorInfo::size).sum();
    }

    /** Where each tensor starts in the flat parameter vector. */
    public int[] starts() {
        return tensors.stream().mapToInt(TensorInfo::offset).toArray();
    }

    /** Each tensor's number of elements. */
    public int[] lengths() {
        return tensors.stream().mapToInt(TensorInfo::size).toArray();
    }

    /** The tensor names joined by commas, e.g. {@code 0.weight,0.bias}. */
    public String label() {
        return tensors.stream().map(TensorInfo::name).collect(Collectors.joining(","));
    }

    private static String describe(TensorInfo t) {
        return t.name() + " " + java.util.Arrays.stream(t.shape()).mapToObj(Integer::toString)
                .collect(Collectors.joining("x"));
    }
}

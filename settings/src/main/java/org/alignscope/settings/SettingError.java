package org.alignscope.settings;

/**
 * Bad input for one setting, as one line: {@code LABEL: DETAIL}, where the label is how the user wrote the setting
 * ({@code --tol} on the command line, {@code optimizer.lr} in a YAML file) and the detail says what is wrong and
 * what is allowed.
 */
public final class SettingError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String label;

    public SettingError(String label, String detail) {
        super(label + ": " + detail);
        this.label = label;
    }

    /** The setting as the user wrote it. */
    public String label() {
        return label;
    }
}

package org.alignscope.monitor;

/**
 * One finding: its code and advice a practitioner can act on, with the numbers behind it.
 *
 * @param code    the code
 * @param message the explanation and advice
 */
public record Finding(FindingCode code, String message) {
    @Override
    public String toString() {
        return code.code() + ": " + message;
    }
}

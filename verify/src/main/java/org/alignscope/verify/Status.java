package org.alignscope.verify;

/** The verdict on a claim, or on one instance of it. The word is what {@code verify.csv} writes. */
public enum Status {
    /** Every instance was checked and none contradicts the claim (with the documented search effort). */
    HOLDS("holds"),
    /** A concrete instance contradicts the claim by much more than rounding or sampling error. */
    VIOLATED("violated"),
    /** Neither: a tie within rounding, a confidence interval that straddles the claim, or too few instances. */
    INCONCLUSIVE("inconclusive");

    private final String word;

    Status(String word) {
        this.word = word;
    }

    /** "holds", "violated" or "inconclusive". */
    public String word() {
        return word;
    }

    /** The status of a word, as written by {@link #word()}. */
    public static Status ofWord(String word) {
        for (Status s : values()) {
            if (s.word.equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be holds, violated or inconclusive, got " + word);
    }
}

package org.alignscope.verify;

import java.util.ArrayList;
import java.util.List;
import org.alignscope.verify.claims.AlignmentDrift;
import org.alignscope.verify.claims.GapLimit;
import org.alignscope.verify.claims.IsotropicApprox;
import org.alignscope.verify.claims.Lemma21;
import org.alignscope.verify.claims.Lemma22;
import org.alignscope.verify.claims.Sec8Heuristic;
import org.alignscope.verify.claims.Thm10;
import org.alignscope.verify.claims.Thm11;
import org.alignscope.verify.claims.Thm13;
import org.alignscope.verify.claims.Thm15;
import org.alignscope.verify.claims.Thm16;
import org.alignscope.verify.claims.Thm4;
import org.alignscope.verify.claims.Thm6;
import org.alignscope.verify.claims.Thm7;
import org.alignscope.verify.claims.Thm8;

/** The twenty claims in their fixed order, and lookup by id (including the corrected statements). */
public final class ClaimRegistry {
    /** The claim ids of {@code verify.csv}, in order. */
    public static final List<String> IDS = List.of("lemma21", "lemma22", "thm2", "thm3", "thm4", "thm5", "thm6", "thm7",
            "thm8-main", "thm8-appendix", "cor9", "thm10", "thm11", "thm12", "thm13-lower", "thm13-upper", "thm15",
            "thm16", "isotropic-approx", "sec8-heuristic");

    private ClaimRegistry() {
    }

    /** One checker per claim, in the order of {@link #IDS}. */
    public static List<ClaimChecker> all() {
        return List.of(new Lemma21(), new Lemma22(), new AlignmentDrift(AlignmentDrift.Kind.DECREASE),
                new AlignmentDrift(AlignmentDrift.Kind.INCREASE), new Thm4(), new GapLimit(GapLimit.Kind.THM5), new Thm6(),
                new Thm7(), new Thm8(Thm8.Form.MAIN), new Thm8(Thm8.Form.APPENDIX), new Thm8(Thm8.Form.COR9), new Thm10(),
                new Thm11(), new GapLimit(GapLimit.Kind.THM12), new Thm13(Thm13.Bound.LOWER), new Thm13(Thm13.Bound.UPPER),
                new Thm15(), new Thm16(), new IsotropicApprox(), new Sec8Heuristic());
    }

    /** The checker of a claim id or of a corrected statement's id. */
    public static ClaimChecker byId(String id) {
        List<ClaimChecker> all = new ArrayList<>(all());
        for (ClaimChecker c : all()) {
            c.corrected().ifPresent(all::add);
        }
        for (ClaimChecker c : all) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown claim id '" + id + "' (known: " + String.join(", ", IDS) + ")");
    }
}

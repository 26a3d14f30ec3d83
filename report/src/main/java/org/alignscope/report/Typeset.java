package org.alignscope.report;

/**
 * Figure text with the paper's symbols: TeX-like sub- and superscripts ({@code θ_t}, {@code λ_{k+1}},
 * {@code η^{loss}_D}) become Unicode sub- and superscript characters (θₜ, λₖ₊₁, ηˡᵒˢˢ_D) where Unicode has them for
 * every character of the script; a script with a character that has none (a capital, ∞) is left as written, so no
 * symbol is lost. The fonts a figure is drawn with (DejaVu Sans for Java's SansSerif) carry all of these characters.
 */
public final class Typeset {
    private static final String PLAIN = "0123456789+-=()aehijklmnoprstuvx";
    private static final String SUB = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ";
    private static final String PLAIN_SUPER = "0123456789+-=()abcdefghijklmnoprstuvwxyz*";
    private static final String SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ*";

    private Typeset() {
    }

    /** {@code text} with every {@code _x}, {@code _{...}}, {@code ^x} and {@code ^{...}} set where Unicode allows. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '_' || c == '^') && i + 1 < text.length()) {
                boolean braced = text.charAt(i + 1) == '{';
                int close = braced ? text.indexOf('}', i + 2) : i + 2;
                if (close > 0 && close <= text.length()) {
                    String script = braced ? text.substring(i + 2, close) : text.substring(i + 1, close);
                    String set = c == '_' ? map(script, PLAIN, SUB) : map(script, PLAIN_SUPER, SUPER);
                    if (set != null) {
                        out.append(set);
                        i = braced ? close + 1 : close;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The script with each character mapped, or null when one has no mapped form. */
    private static String map(String script, String from, String to) {
        if (script.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder(script.length());
        for (int i = 0; i < script.length(); i++) {
            int at = from.indexOf(script.charAt(i));
            if (at < 0) {
                return null;
            }
            b.append(to.charAt(at));
        }
        return b.toString();
    }
}

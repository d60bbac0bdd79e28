package org.overparam.api.run;

import java.util.Collection;

/** "Did you mean": the closest valid name to a misspelled one, by edit distance. */
public final class Names {
    private Names() {
    }

    /**
     * @param wrong the name given
     * @param valid the names allowed
     * @return the valid name with the smallest edit distance, if that distance is at most
     *     {@code max(2, length/3)}; otherwise {@code null}
     */
    public static String closest(String wrong, Collection<String> valid) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = distance(wrong.toLowerCase(java.util.Locale.ROOT), v.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = v;
            }
        }
        return best != null && bestD <= Math.max(2, wrong.length() / 3) ? best : null;
    }

    /**
     * @param wrong the name given
     * @param valid the names allowed
     * @return {@code " (did you mean 'x'?)"} or an empty string
     */
    public static String suggestion(String wrong, Collection<String> valid) {
        String c = closest(wrong, valid);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    /** @return the Levenshtein distance with adjacent transpositions (optimal string alignment) */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

package vn.motcua.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.motcua.platform.text.TextNormalizer;

/**
 * How a free-text query matches procedures. Text is folded (no diacritics, lower case); each query word
 * matches a catalogue word exactly, with one typo (Damerau–Levenshtein distance 1, for words of 4+ letters,
 * so "sihn" finds "sinh"), or as a prefix (the last word, 3+ letters, while typing). Words in any order.
 * A procedure must match every known word when the query has one or two, and all but a third otherwise;
 * words the catalogue never uses, and one-letter words, are ignored. Name matches rank before matches elsewhere,
 * exact before typo.
 */
final class SearchRanking {

    static final int MAX_WORDS = 12;
    static final int MAX_WORD_LENGTH = 30;
    private static final int MAX_PREFIX_EXPANSIONS = 40;

    private SearchRanking() {
    }

    /** One query word and the catalogue words it may stand for. */
    record QueryWord(String word, Set<String> variants) {
        boolean known() {
            return !variants.isEmpty();
        }
    }

    static List<QueryWord> parse(String query, Collection<String> vocabulary) {
        List<String> words = TextNormalizer.words(query == null ? "" : query).stream()
                .filter(w -> w.length() >= 2 && w.length() <= MAX_WORD_LENGTH).distinct().limit(MAX_WORDS).toList();
        List<QueryWord> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean last = i == words.size() - 1;
            Set<String> variants = new LinkedHashSet<>();
            int prefixes = 0;
            for (String v : vocabulary) {
                if (v.equals(w)) {
                    variants.add(v);
                } else if (w.length() >= 4 && Math.abs(v.length() - w.length()) <= 1 && distanceAtMostOne(w, v)) {
                    variants.add(v);
                } else if (last && w.length() >= 3 && v.startsWith(w) && prefixes < MAX_PREFIX_EXPANSIONS) {
                    variants.add(v);
                    prefixes++;
                }
            }
            out.add(new QueryWord(w, variants));
        }
        return out;
    }

    /** How many known words a procedure must match. */
    static int required(long known) {
        return (int) (known <= 2 ? known : known - known / 3);
    }

    /**
     * Score of a procedure for the query, or -1 when it does not match enough words. Per word: 4 exact in the
     * name, 3 typo/prefix in the name, 2 exact elsewhere, 1 typo/prefix elsewhere; +6 when the whole folded
     * query appears in the name as a phrase.
     */
    static double score(List<QueryWord> query, String nameFolded, Collection<String> nameWords,
                        Collection<String> allWords) {
        long known = query.stream().filter(QueryWord::known).count();
        if (known == 0) {
            return -1;
        }
        int matched = 0;
        double score = 0;
        for (QueryWord q : query) {
            if (!q.known()) {
                continue;
            }
            double best = 0;
            if (nameWords.contains(q.word())) {
                best = 4;
            } else if (intersects(q.variants(), nameWords)) {
                best = 3;
            } else if (allWords.contains(q.word())) {
                best = 2;
            } else if (intersects(q.variants(), allWords)) {
                best = 1;
            }
            if (best > 0) {
                matched++;
                score += best;
            }
        }
        if (matched < required(known)) {
            return -1;
        }
        String phrase = String.join(" ", query.stream().map(QueryWord::word).toList());
        if (!phrase.isEmpty() && (" " + nameFolded + " ").contains(" " + phrase + " ")) {
            score += 6;
        }
        return score;
    }

    private static boolean intersects(Collection<String> a, Collection<String> b) {
        Collection<String> small = a.size() <= b.size() ? a : b;
        Collection<String> large = small == a ? b : a;
        for (String s : small) {
            if (large.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** Damerau–Levenshtein (optimal string alignment) distance ≤ 1, without building a matrix. */
    static boolean distanceAtMostOne(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true;
        }
        if (la == lb) {
            // one substitution, or one transposition of neighbours
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        // one insertion or deletion
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }
}

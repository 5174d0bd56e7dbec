package vn.motcua.catalog.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The catalogue's search rows in memory with an inverted index (word → procedures), so that a query touches
 * only the procedures that contain its words. Immutable; rebuilt from the database when it expires.
 */
final class SearchIndex {

    final List<ProcedureRepository.SearchRow> rows;
    final List<String> vocabulary;
    private final Map<String, BitSet> postings;

    SearchIndex(List<ProcedureRepository.SearchRow> rows) {
        this.rows = List.copyOf(rows);
        Map<String, BitSet> p = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            for (String w : rows.get(i).allWords()) {
                p.computeIfAbsent(w, k -> new BitSet()).set(i);
            }
        }
        this.postings = p;
        this.vocabulary = List.copyOf(new TreeSet<>(p.keySet()));
    }

    /** A ranked hit. */
    record Hit(ProcedureRepository.SearchRow row, double score) {
    }

    /** Procedures matching the query words (see {@link SearchRanking}) and the filter, best first. */
    List<Hit> search(List<SearchRanking.QueryWord> words, Predicate<ProcedureRepository.SearchRow> filter) {
        List<Hit> hits = new ArrayList<>();
        if (words.isEmpty()) {
            for (var row : rows) {
                if (filter.test(row)) {
                    hits.add(new Hit(row, 0));
                }
            }
        } else {
            long known = words.stream().filter(SearchRanking.QueryWord::known).count();
            int required = SearchRanking.required(known);
            int[] matched = new int[rows.size()];
            for (var w : words) {
                BitSet any = new BitSet();
                for (String v : w.variants()) {
                    BitSet b = postings.get(v);
                    if (b != null) {
                        any.or(b);
                    }
                }
                for (int i = any.nextSetBit(0); i >= 0; i = any.nextSetBit(i + 1)) {
                    matched[i]++;
                }
            }
            for (int i = 0; i < matched.length; i++) {
                if (matched[i] >= required && required > 0) {
                    var row = rows.get(i);
                    if (filter.test(row)) {
                        double score = SearchRanking.score(words, row.nameFolded(), row.nameWords(), row.allWords());
                        if (score >= 0) {
                            hits.add(new Hit(row, score));
                        }
                    }
                }
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed()
                .thenComparing(h -> h.row().popularity(), Comparator.reverseOrder())
                .thenComparing(h -> h.row().essentialRank() == null ? Integer.MAX_VALUE : h.row().essentialRank())
                .thenComparing(h -> h.row().name()));
        return hits;
    }
}

package vn.motcua.index766;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import vn.motcua.test.TestApi;

/**
 * The index of a unit and a month read over HTTP, for tests whose unit and month every other test files into: an
 * indicator's number is read with the dossiers its drill-down lists, so that a test tells what its own dossiers did
 * from what others' did meanwhile (a late event, a due moment passing) by their codes, never by a bare difference.
 *
 * @param anyone     the public (the index)
 * @param monitoring an account that reads the drill-down (it lists dossier codes)
 */
public record IndexReadings(TestApi anyone, TestApi monitoring, String unit, String period) {

    /** A drill-down read whole: its total (the index's number) and its rows by dossier code. */
    public record Listing(long total, Map<String, JsonNode> rows) {
    }

    /** {numerator, denominator} of an indicator. */
    public long[] fraction(String indicator) {
        JsonNode j = anyone.get("/api/v1/index766?unit=" + unit + "&period=" + period).json();
        for (JsonNode g : j.get("groups")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("id").asString().equals(indicator)) {
                    return new long[] {i.get("numerator").asLong(), i.get("denominator").asLong()};
                }
            }
        }
        throw new AssertionError(indicator);
    }

    /** Every row of a drill-down (part: numerator or denominator). */
    public Listing listing(String indicator, String part) {
        return listing(indicator, part, null);
    }

    /** The same, the reasons in a language (null: the account's). */
    public Listing listing(String indicator, String part, String lang) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        long total = 0;
        for (int page = 0; page < 200; page++) {
            JsonNode j = monitoring.get("/api/v1/index766/" + indicator + "/dossiers?unit=" + unit + "&period="
                    + period + "&part=" + part + "&size=500&page=" + page + (lang == null ? "" : "&lang=" + lang)).json();
            j.get("items").forEach(i -> out.put(i.get("code").asString(), i));
            total = j.get("total").asLong();
            if ((page + 1) * 500L >= total) {
                break;
            }
        }
        return new Listing(total, out);
    }

    /**
     * The index's number for an indicator's part and the dossiers its drill-down lists, read together: the index read
     * before and after the listing says the same and the listing's total is that number (else read again, bounded).
     */
    public Listing counted(String indicator, String part) {
        int i = part.equals("numerator") ? 0 : 1;
        String last = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            long before = fraction(indicator)[i];
            Listing l = listing(indicator, part);
            long after = fraction(indicator)[i];
            if (before == after && l.total() == after) {
                return l;
            }
            last = "index " + before + " then " + after + ", drill-down total " + l.total();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(indicator + " " + part + ": the index and its drill-down never agreed: " + last);
    }

    /**
     * The dossiers that entered a part between two readings; the index must have moved by exactly those less the ones
     * that left (it counts the dossiers it lists, whoever filed them).
     */
    public static Set<String> entered(String what, Listing before, Listing after) {
        Set<String> in = new TreeSet<>(after.rows().keySet());
        in.removeAll(before.rows().keySet());
        Set<String> out = new TreeSet<>(before.rows().keySet());
        out.removeAll(after.rows().keySet());
        assertThat(after.total() - before.total()).as(what + ": the index moved by the dossiers that entered (" + in
                + ") less those that left (" + out + ")").isEqualTo((long) in.size() - out.size());
        return in;
    }

    /** Of the dossiers that entered, those among {@code mine}. */
    public static Set<String> mine(Set<String> entered, Set<String> mine) {
        Set<String> out = new TreeSet<>(entered);
        out.retainAll(mine);
        return out;
    }
}

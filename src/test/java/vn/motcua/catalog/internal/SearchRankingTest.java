package vn.motcua.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchRankingTest {

    private static final List<String> VOCABULARY = List.of("dang", "ky", "khai", "sinh", "tu", "ket", "hon", "tam",
            "tru", "chung", "thuc", "ban", "sao", "tinh", "trang", "nhan", "giay", "xac");

    @Test
    void oneTypoIsToleratedInWordsOfFourLettersOrMore() {
        assertThat(SearchRanking.distanceAtMostOne("sihn", "sinh")).as("transposition").isTrue();
        assertThat(SearchRanking.distanceAtMostOne("sinj", "sinh")).as("substitution").isTrue();
        assertThat(SearchRanking.distanceAtMostOne("sinhh", "sinh")).as("insertion").isTrue();
        assertThat(SearchRanking.distanceAtMostOne("snh", "sinh")).as("deletion").isTrue();
        assertThat(SearchRanking.distanceAtMostOne("shin", "sinh")).as("two edits").isFalse();
        assertThat(SearchRanking.parse("khai sihn", VOCABULARY).get(1).variants()).containsExactly("sinh");
        assertThat(SearchRanking.parse("ky", VOCABULARY).get(0).variants()).containsExactly("ky");
    }

    @Test
    void distanceAgreesWithAFullEditDistanceOnRandomWords() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            String a = randomWord(random);
            String b = random.nextBoolean() ? mutate(a, random) : randomWord(random);
            assertThat(SearchRanking.distanceAtMostOne(a, b)).as("seed %d: '%s' vs '%s'", seed, a, b)
                    .isEqualTo(osa(a, b) <= 1);
        }
    }

    @Test
    void nameMatchesRankBeforeMatchesElsewhereAndThePhraseWins() {
        var query = SearchRanking.parse("khai sinh", VOCABULARY);
        double birth = SearchRanking.score(query, "dang ky khai sinh", List.of("dang", "ky", "khai", "sinh"),
                List.of("dang", "ky", "khai", "sinh"));
        double reRegister = SearchRanking.score(query, "dang ky lai khai sinh", List.of("dang", "ky", "lai", "khai", "sinh"),
                List.of("dang", "ky", "lai", "khai", "sinh"));
        double passport = SearchRanking.score(query, "cap ho chieu", List.of("cap", "ho", "chieu"),
                List.of("cap", "ho", "chieu", "giay", "khai", "sinh"));
        assertThat(birth).isGreaterThan(passport);
        assertThat(reRegister).isGreaterThan(passport);
        assertThat(SearchRanking.score(query, "cap ho chieu", List.of("cap"), List.of("cap", "ho"))).isNegative();
    }

    @Test
    void unknownAndOneLetterWordsAreIgnored() {
        var query = SearchRanking.parse("xin a khai sinh con", VOCABULARY);
        assertThat(query).extracting(SearchRanking.QueryWord::word).containsExactly("xin", "khai", "sinh", "con");
        assertThat(query.stream().filter(SearchRanking.QueryWord::known).count()).isEqualTo(2);
        assertThat(SearchRanking.score(query, "dang ky khai sinh", List.of("dang", "ky", "khai", "sinh"),
                List.of("dang", "ky", "khai", "sinh"))).isPositive();
    }

    private static String randomWord(Random r) {
        int n = 1 + r.nextInt(7);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(4)));
        }
        return b.toString();
    }

    private static String mutate(String a, Random r) {
        StringBuilder b = new StringBuilder(a);
        int i = r.nextInt(a.length());
        switch (r.nextInt(4)) {
            case 0 -> b.setCharAt(i, (char) ('a' + r.nextInt(4)));
            case 1 -> b.insert(i, (char) ('a' + r.nextInt(4)));
            case 2 -> b.deleteCharAt(i);
            default -> {
                if (i + 1 < a.length()) {
                    char c = b.charAt(i);
                    b.setCharAt(i, b.charAt(i + 1));
                    b.setCharAt(i + 1, c);
                }
            }
        }
        return b.toString();
    }

    /** Optimal string alignment distance, the textbook matrix version. */
    private static int osa(String a, String b) {
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

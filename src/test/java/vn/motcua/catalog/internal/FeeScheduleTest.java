package vn.motcua.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.FeeInputs;
import vn.motcua.catalog.FeeOptions;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.platform.Channel;
import vn.motcua.platform.ProblemException;

/**
 * The fee of every demo procedure from its structured schedule (catalog/fees.json) and its eForm's example, counter
 * and online: the rows that apply, never the sum of every row. Pure.
 */
class FeeScheduleTest {

    /** The date of a request that gives none (the application passes its clock's date). */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNode SCHEDULES = read("catalog/fees.json").get("procedures");
    static final LocalDate APRIL = LocalDate.of(2025, 4, 1);

    static JsonNode read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Fee> rows(String code) {
        return FeeJson.rows(SCHEDULES.get(code).get("rows"));
    }

    static FeeOptions options(String code) {
        return FeeJson.options(SCHEDULES.get(code).get("options"));
    }

    static JsonNode example(String code) {
        ClassPathResource own = new ClassPathResource("catalog/forms/" + code + ".json");
        return read(own.exists() ? own.getPath() : "catalog/forms/_generic.json").get("examples").get(0);
    }

    static FeeQuote quote(String code, Channel channel, LocalDate on) {
        FeeInputs in = FeeCalculator.inputs(options(code), example(code), channel, on);
        return FeeCalculator.quote(rows(code), options(code), in, TODAY);
    }

    @Test
    void everyDemoProcedureHasAStructuredSchedule() {
        Set<String> codes = new HashSet<>();
        read("demo-data/procedures-sample.json").get("procedures").forEach(p -> codes.add(CatalogDemoData.localCode(p)));
        Set<String> schedules = new HashSet<>();
        SCHEDULES.properties().forEach(e -> schedules.add(e.getKey()));
        assertThat(schedules).isEqualTo(codes);
        for (String code : codes) {
            for (Fee f : rows(code)) {
                assertThat(f.name()).as(code).isNotBlank();
                assertThat(f.condition()).as(code + " " + f.name()).isNotBlank();
            }
        }
    }

    /** Code, counter total, online total, whether every applicable amount is known (counter; online). */
    @ParameterizedTest(name = "{0}: counter {1} đ, online {2} đ")
    @CsvSource({
        // civil status: on-time registration free, extract copies 8,000 đ each (examples ask 2, 3, 1)
        "1.001193, 16000, 16000, true, true",
        "1.000656, 24000, 24000, true, true",
        "1.000894, 8000, 8000, true, true",
        "1.004873, 0, 0, false, false",
        "2.000635, 8000, 8000, true, true",
        "1.004884, 0, 0, false, false",
        "1.001022, 0, 0, false, false",
        // certification: 1 page × 3 copies + 12 pages × 2 copies = 3×2,000 + 2×(2×2,000 + 10×1,000)
        "2.000815, 34000, 34000, true, true",
        "2.000815-DT, 6000, 6000, true, true",
        "2.000884, 10000, 10000, true, true",
        "2.000908, 0, 0, false, false",
        "2.001019, 50000, 50000, true, true",
        // residence: cheaper online
        "1.004222, 20000, 10000, true, true",
        "1.004194, 15000, 7000, true, true",
        "1.002755, 15000, 7000, true, true",
        "1.003677, 0, 0, true, true",
        "1.010028, 0, 0, true, true",
        "2.001159, 0, 0, true, true",
        "1.010038, 10000, 5000, true, true",
        "2.000200, 0, 0, true, true",
        "2.001195, 50000, 50000, true, true",
        "1.001456, 200000, 160000, true, true",
        // land: the default case (household, land use right; commune)
        "1.012783, 810000, 769500, false, true",
        "1.013831, 462000, 427500, true, true",
        "1.013833, 25000, 25000, true, true",
        "1.012784, 450000, 0, true, false",
        "1.012786, 860000, 860000, true, true",
        "1.011441, 280000, 0, true, false",
        "1.001612, 0, 0, false, false",
        "1.013225, 0, 0, false, false",
        "3.000333, 200000, 200000, true, true",
        "3.000347, 135000, 115000, true, true",
        "2.002621, 0, 0, true, true",
        "2.002622, 0, 0, true, true",
        "1.004889, 0, 0, false, false",
        "2.002854, 0, 0, true, true",
        "1.014748, 0, 0, true, true",
        "2.000591, 0, 0, false, false"})
    void theFeeOfEachDemoProcedure(String code, long counter, long online, boolean counterComplete,
                                   boolean onlineComplete) {
        LocalDate on = code.equals("1.000656") ? LocalDate.of(2025, 6, 20) : APRIL;
        FeeQuote c = quote(code, Channel.COUNTER, on);
        FeeQuote o = quote(code, Channel.ONLINE, on);
        assertThat(c.total()).as("%s at the counter: %s", code, c.items()).isEqualTo(counter);
        assertThat(o.total()).as("%s online: %s", code, o.items()).isEqualTo(online);
        assertThat(c.complete()).as("%s at the counter complete", code).isEqualTo(counterComplete);
        assertThat(o.complete()).as("%s online complete", code).isEqualTo(onlineComplete);
        assertThat(quote(code, Channel.POSTAL, on).total()).as("%s by post as at the counter", code).isEqualTo(counter);
    }

    @Test
    void aCertifiedCopyOfThreePagesIsTwoThousandTwiceAndOneThousand() {
        FeeInputs in = FeeInputs.of(Channel.COUNTER).withDocuments(List.of(new FeeInputs.Document(3, 1)));
        FeeQuote q = FeeCalculator.quote(rows("2.000815"), options("2.000815"), in, TODAY);
        assertThat(q.total()).isEqualTo(5000);
        assertThat(q.items()).extracting(FeeQuote.Item::amount).containsExactly(4000L, 1000L);
        assertThat(q.items()).extracting(FeeQuote.Item::quantity).containsExactly(2, 1);
        assertThat(q.items()).extracting(FeeQuote.Item::unitAmount).containsExactly(2000L, 1000L);
    }

    @Test
    void aCertifiedCopyCostsAtMostTwoHundredThousandAPerCopy() {
        FeeInputs in = FeeInputs.of(Channel.COUNTER).withDocuments(List.of(new FeeInputs.Document(300, 2)));
        FeeQuote q = FeeCalculator.quote(rows("2.000815"), options("2.000815"), in, TODAY);
        assertThat(q.total()).as("2 × 200,000 (the cap), not 2 × 302,000").isEqualTo(400_000);
        assertThat(q.items().getLast().amount()).isEqualTo(-2 * 102_000L);
    }

    @Test
    void aBirthRegisteredOnTimeIsFreeLateItIsSetByTheProvinceExemptionsAside() {
        FeeOptions o = options("1.001193");
        FeeInputs onTime = FeeInputs.of(Channel.ONLINE).withEvent(LocalDate.of(2025, 3, 14), LocalDate.of(2025, 5, 13))
                .withCopies(0);
        FeeQuote free = FeeCalculator.quote(rows("1.001193"), o, onTime, TODAY);
        assertThat(free.total()).isZero();
        assertThat(free.complete()).isTrue();
        assertThat(free.items()).singleElement().satisfies(i -> assertThat(i.name()).contains("đúng hạn"));
        FeeInputs late = onTime.withEvent(LocalDate.of(2025, 3, 14), LocalDate.of(2025, 5, 14));
        FeeQuote owed = FeeCalculator.quote(rows("1.001193"), o, late, TODAY);
        assertThat(owed.complete()).as("61 days: late, the amount set by the province is not known").isFalse();
        assertThat(owed.items()).singleElement().satisfies(i -> assertThat(i.amount()).isNull());
        FeeQuote exempt = FeeCalculator.quote(rows("1.001193"), o, late.withExempt(true), TODAY);
        assertThat(exempt.complete()).isTrue();
        assertThat(exempt.total()).isZero();
    }

    @Test
    void theCaseOfTheApplicantChoosesTheRowsAndAnUnknownCaseIsABadInput() {
        FeeInputs list = FeeInputs.of(Channel.COUNTER).withVariant("LIST").withPersons(3);
        assertThat(FeeCalculator.quote(rows("1.004194"), options("1.004194"), list, TODAY).total()).isEqualTo(30_000);
        assertThat(FeeCalculator.quote(rows("3.000333"), options("3.000333"),
                FeeInputs.of(Channel.ONLINE).withVariant("REDUCED").withCopies(4), TODAY).total())
                .as("reduced rate, and the 3rd and 4th certificate 5,000 each").isEqualTo(110_000);
        assertThat(FeeCalculator.quote(rows("1.013831"), options("1.013831"),
                FeeInputs.of(Channel.COUNTER).withVariant("HOUSEHOLD_BOTH_WARD"), TODAY).total()).isEqualTo(614_000);
        assertThatThrownBy(() -> FeeCalculator.quote(rows("1.004194"), options("1.004194"),
                FeeInputs.of(Channel.COUNTER).withVariant("NOBODY"), TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors().getFirst().field())
                        .isEqualTo("variant"));
    }

    @Test
    void rowsWithoutStructureStayFlatRowsThatAlwaysApply() {
        JsonNode old = JSON.readTree("[{\"name\":\"Lệ phí\",\"amount\":8000,\"condition\":null,\"unit\":\"VND/lần\","
                + "\"kind\":\"le_phi\"}]");
        FeeQuote q = FeeCalculator.quote(FeeJson.rows(old), FeeOptions.NONE, FeeInputs.of(Channel.COUNTER), TODAY);
        assertThat(q.total()).isEqualTo(8000);
    }
}

package vn.motcua.index766.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.index766.report.ReportFacts.BIRTH;
import static vn.motcua.index766.report.ReportFacts.DONG_XOAI;
import static vn.motcua.index766.report.ReportFacts.FROM;
import static vn.motcua.index766.report.ReportFacts.JUSTICE;
import static vn.motcua.index766.report.ReportFacts.MARITAL;
import static vn.motcua.index766.report.ReportFacts.PAPER;
import static vn.motcua.index766.report.ReportFacts.TAN_PHU;
import static vn.motcua.index766.report.ReportFacts.TIEN_HUNG;
import static vn.motcua.index766.report.ReportFacts.TO;
import static vn.motcua.index766.report.ReportFacts.expected;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.index766.report.ReportFacts.Expected;
import vn.motcua.index766.report.ReportFacts.Fact;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestApi;

/** The report tables through HTTP, on hand-built facts of 2013. */
@IntegrationTest
class ReportsApiTest {

    static final String PERIOD = "from=" + FROM + "&to=" + TO;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api() {
        return new TestApi(port);
    }

    /** The catalogue as the public API shows it: code → procedure. */
    Map<String, JsonNode> catalogue() {
        Map<String, JsonNode> all = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode r = api().get("/api/v1/procedures?size=500&page=" + page).json();
            r.get("items").forEach(p -> all.put(p.get("code").asString(), p));
            if (r.get("items").size() < 500) {
                return all;
            }
        }
    }

    @BeforeEach
    void facts() {
        Map<String, String> names = new HashMap<>();
        catalogue().forEach((code, p) -> names.put(code, p.get("name").asString()));
        ReportFacts.load(jdbc, names);
    }

    static void assertCounts(JsonNode counts, Expected e, String what) {
        assertThat(counts).as(what).isNotNull();
        assertThat(List.of(counts.get("carriedOver").asLong(), counts.get("newOnline").asLong(),
                counts.get("newDirect").asLong(), counts.get("received").asLong(), counts.get("processed").asLong(),
                counts.get("early").asLong(), counts.get("onTime").asLong(), counts.get("late").asLong(),
                counts.get("inProgress").asLong(), counts.get("withinTime").asLong(), counts.get("overdue").asLong()))
                .as(what + " " + counts)
                .containsExactly(e.carriedOver(), e.newOnline(), e.newDirect(), e.received(), e.processed(), e.early(),
                        e.onTime(), e.late(), e.inProgress(), e.withinTime(), e.overdue());
    }

    static JsonNode row(JsonNode report, String key) {
        for (JsonNode r : report.get("rows")) {
            JsonNode k = r.has("key") ? r.get("key") : r.get("level");
            if (key.equals(k.asString())) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + report);
    }

    static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.get("rows").forEach(r -> keys.add(r.get("key").asString()));
        return keys;
    }

    @Test
    void table1CountsTheCatalogueByLevelAndOnlineLevel() {
        Map<String, JsonNode> catalogue = catalogue();
        var r = api().get("/api/v1/stats/procedures-by-level");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (String level : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
            List<JsonNode> of = catalogue.values().stream()
                    .filter(p -> p.get("levels").valueStream().anyMatch(l -> l.asString().equals(level))).toList();
            JsonNode row = row(r.json(), level);
            assertThat(row.get("procedures").asLong()).as(level).isEqualTo(of.size());
            assertThat(row.get("full").asLong()).as(level).isEqualTo(of.stream().filter(p -> online(p, "FULL")).count());
            assertThat(row.get("partial").asLong()).as(level).isEqualTo(of.stream().filter(p -> online(p, "PARTIAL")).count());
            assertThat(row.get("notOnline").asLong()).as(level).isEqualTo(of.stream().filter(p -> online(p, null)).count());
        }
        assertThat(r.json().get("total").get("procedures").asLong()).isEqualTo(catalogue.size());
        assertThat(r.json().get("total").get("full").asLong() + r.json().get("total").get("partial").asLong()
                + r.json().get("total").get("notOnline").asLong()).isEqualTo(catalogue.size());
    }

    static boolean online(JsonNode p, String level) {
        JsonNode o = p.get("onlineLevel");
        return level == null ? o == null || o.isNull() : o != null && level.equals(o.asString());
    }

    @Test
    void table2CountsReceivedProcessedAndInProgressByLevel() {
        var r = api().get("/api/v1/stats/by-level?" + PERIOD);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(keys(json)).containsExactly("PROVINCE", "DISTRICT", "COMMUNE");
        for (String level : List.of("PROVINCE", "DISTRICT", "COMMUNE")) {
            assertCounts(row(json, level).get("counts"), expected(f -> f.level().equals(level)), level);
        }
        assertCounts(json.get("total").get("counts"), expected(f -> true), "total");
        // worked by hand from ReportFacts: 2 carried over, 7 new online, 7 new direct; 11 processed of which 3
        // late (one because of two supplements although early); 5 open at the end of 2013, 3 of them overdue
        JsonNode t = json.get("total").get("counts");
        assertThat(t.get("carriedOver").asLong()).isEqualTo(2);
        assertThat(t.get("received").asLong()).isEqualTo(16);
        assertThat(t.get("late").asLong()).isEqualTo(3);
        assertThat(t.get("overdue").asLong()).isEqualTo(3);
        assertThat(t.get("inProgress").asLong()).isEqualTo(5);
        assertThat(json.get("from").asString()).isEqualTo(FROM);
        assertThat(json.get("to").asString()).isEqualTo(TO);
        assertThat(json.get("unit").asString()).isEqualTo("70");
    }

    @Test
    void theUnitParameterFiltersByDistrictCommuneOrAgency() {
        Map<String, Predicate<Fact>> units = Map.of(
                DONG_XOAI, f -> DONG_XOAI.equals(f.district()),
                TAN_PHU, f -> TAN_PHU.equals(f.commune()),
                JUSTICE, f -> JUSTICE.equals(f.agency()),
                "70.689.MC", f -> "70.689.MC".equals(f.agency()));
        units.forEach((unit, which) -> {
            var r = api().get("/api/v1/stats/by-level?" + PERIOD + "&unit=" + unit);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertCounts(r.json().get("total").get("counts"), expected(which), unit);
            assertThat(r.json().get("unit").asString()).isEqualTo(unit);
        });
    }

    @Test
    void table3HasOneRowPerDepartmentDistrictAndCommune() {
        var r = api().get("/api/v1/stats/by-unit?" + PERIOD);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(keys(json)).containsExactly(JUSTICE, DONG_XOAI, TAN_PHU, TIEN_HUNG);
        assertCounts(row(json, JUSTICE).get("counts"), expected(f -> f.level().equals("PROVINCE")), JUSTICE);
        assertCounts(row(json, DONG_XOAI).get("counts"), expected(f -> f.level().equals("DISTRICT")), DONG_XOAI);
        assertCounts(row(json, TAN_PHU).get("counts"), expected(f -> TAN_PHU.equals(f.commune())), TAN_PHU);
        assertCounts(row(json, TIEN_HUNG).get("counts"), expected(f -> TIEN_HUNG.equals(f.commune())), TIEN_HUNG);
        assertThat(row(json, JUSTICE).get("group").asString()).isEqualTo("PROVINCE");
        assertThat(row(json, TAN_PHU).get("group").asString()).isEqualTo("COMMUNE");
        assertThat(row(json, TAN_PHU).get("name").asString()).isEqualTo(
                api().get("/api/v1/units/" + TAN_PHU).json().get("name").asString());
        assertCounts(json.get("total").get("counts"), expected(f -> true), "total");

        var district = api().get("/api/v1/stats/by-unit?" + PERIOD + "&unit=" + DONG_XOAI).json();
        assertThat(keys(district)).containsExactly(DONG_XOAI, TAN_PHU, TIEN_HUNG);
    }

    @Test
    void onlineRatesPerUnitAgainstTheTargets() {
        Map<String, JsonNode> catalogue = catalogue();
        var r = api().get("/api/v1/stats/online-rates?" + PERIOD);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("usageTarget").asDouble()).isEqualTo(80.0);
        assertThat(json.get("processingTarget").asDouble()).isEqualTo(50.0);
        for (String unit : List.of(JUSTICE, DONG_XOAI, TAN_PHU, TIEN_HUNG)) {
            List<Fact> fresh = ReportFacts.FACTS.stream()
                    .filter(f -> unit.equals(f.unitKey()) && f.received() != null
                            && !f.received().isBefore(ReportFacts.START) && f.received().isBefore(ReportFacts.END))
                    .toList();
            long online = fresh.stream().filter(f -> f.channel().equals("ONLINE")).count();
            long offered = fresh.stream().filter(f -> !online(catalogue.get(f.procedure()), null)).count();
            JsonNode row = row(json, unit);
            assertThat(row.get("received").asLong()).as(unit).isEqualTo(fresh.size());
            assertThat(row.get("online").asLong()).as(unit).isEqualTo(online);
            assertThat(row.get("receivedOfOnlineProcedures").asLong()).as(unit).isEqualTo(offered);
            double usage = Math.round(online * 1000.0 / offered) / 10.0;
            double processing = Math.round(online * 1000.0 / fresh.size()) / 10.0;
            assertThat(row.get("usageRate").asDouble()).as(unit).isEqualTo(usage);
            assertThat(row.get("processingRate").asDouble()).as(unit).isEqualTo(processing);
            assertThat(row.get("usageMet").asBoolean()).as(unit).isEqualTo(usage >= 80);
            assertThat(row.get("processingMet").asBoolean()).as(unit).isEqualTo(processing >= 50);
        }
        // Tân Phú: 7 received in 2013, 3 online; the marital-status ones (5) are offered online, the paper ones not
        if (!online(catalogue.get(MARITAL), null) && online(catalogue.get(PAPER), null)) {
            JsonNode tanPhu = row(json, TAN_PHU);
            assertThat(tanPhu.get("usageRate").asDouble()).isEqualTo(60.0);
            assertThat(tanPhu.get("usageMet").asBoolean()).isFalse();
            assertThat(tanPhu.get("processingRate").asDouble()).isEqualTo(42.9);
            assertThat(tanPhu.get("processingMet").asBoolean()).isFalse();
        }
    }

    @Test
    void tables4To9PerProcedureAndTopProcedures() {
        var one = api().get("/api/v1/stats/by-procedure?" + PERIOD + "&procedure=" + MARITAL);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(keys(one.json())).containsExactly(JUSTICE, TAN_PHU, TIEN_HUNG);
        assertCounts(row(one.json(), TAN_PHU).get("counts"),
                expected(f -> f.procedure().equals(MARITAL) && TAN_PHU.equals(f.commune())), "marital Tân Phú");
        assertCounts(one.json().get("total").get("counts"), expected(f -> f.procedure().equals(MARITAL)), "marital");
        assertThat(one.json().get("procedureName").asString()).isNotBlank();

        var top = api().get("/api/v1/stats/by-procedure?" + PERIOD + "&top=2").json();
        // marital status: 10 dossiers in the period, birth 4, paper 2
        assertThat(keys(top)).containsExactly(MARITAL, BIRTH);
        assertCounts(row(top, BIRTH).get("counts"), expected(f -> f.procedure().equals(BIRTH)), "birth");
        assertThat(row(top, MARITAL).get("counts").get("received").asLong())
                .isEqualTo(expected(f -> f.procedure().equals(MARITAL)).received()).isEqualTo(10);

        var inCommune = api().get("/api/v1/stats/by-procedure?" + PERIOD + "&unit=" + TAN_PHU).json();
        assertThat(keys(inCommune)).containsExactly(MARITAL, PAPER);
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        assertProblem("/api/v1/stats/by-level?from=2013-13-01", "from", "2013-13-01");
        assertProblem("/api/v1/stats/by-unit?from=2013-02-01&to=2013-01-01", "to", "ngày bắt đầu");
        assertProblem("/api/v1/stats/online-rates?unit=99999", "unit", "99999");
        assertProblem("/api/v1/stats/by-procedure?procedure=0.000000", "procedure", "0.000000");
        assertProblem("/api/v1/stats/by-procedure?top=0", "top", "1");
        assertProblem("/api/v1/stats/by-level?format=pdf", "format", "xlsx");
        var both = api().get("/api/v1/stats/by-level?from=hôm-nay&unit=x");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("from", "unit");
    }

    void assertProblem(String path, String field, String inMessage) {
        var r = api().get(path);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("message").asString()).contains(inMessage);
    }

    @Test
    void theDefaultPeriodIsTheCurrentYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonNode json = api().get("/api/v1/stats/by-level").json();
        assertThat(json.get("from").asString()).isEqualTo(today.withDayOfYear(1).toString());
        assertThat(json.get("to").asString()).isEqualTo(today.withDayOfYear(today.lengthOfYear()).toString());
        JsonNode last = api().get("/api/v1/stats/by-level?from=2013-03-01").json();
        assertThat(last.get("to").asString()).isEqualTo("2013-12-31");
    }

    @Test
    void excelHasTheVietnameseHeaderRowAndTheSameNumbers() throws IOException {
        JsonNode json = api().get("/api/v1/stats/by-unit?" + PERIOD).json();
        for (String path : List.of("/api/v1/stats/by-unit.xlsx?" + PERIOD, "/api/v1/stats/by-unit?format=xlsx&" + PERIOD)) {
            var r = api().get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith(ExcelWriter.CONTENT_TYPE);
            assertThat(r.header("Content-Disposition")).contains("attachment").contains(".xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
                Sheet sheet = wb.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Bảng 3");
                List<String> header = texts(sheet.getRow(ExcelWriter.HEADER_ROW));
                assertThat(header).startsWith("Mã", "Đơn vị", "Cấp", "Kỳ trước chuyển sang", "Mới tiếp nhận trực tuyến",
                        "Mới tiếp nhận trực tiếp", "Tổng số tiếp nhận", "Đã giải quyết", "Trước hạn");
                assertThat(header).contains("Đang giải quyết quá hạn", "Tỷ lệ đúng hạn (%)");
                int i = ExcelWriter.HEADER_ROW + 1;
                for (JsonNode row : json.get("rows")) {
                    Row x = sheet.getRow(i++);
                    assertThat(x.getCell(0).getStringCellValue()).isEqualTo(row.get("key").asString());
                    assertThat(x.getCell(1).getStringCellValue()).isEqualTo(row.get("name").asString());
                    JsonNode c = row.get("counts");
                    assertThat(numbers(x, 3, 11)).as(row.get("key").asString()).containsExactly(
                            c.get("carriedOver").asLong(), c.get("newOnline").asLong(), c.get("newDirect").asLong(),
                            c.get("received").asLong(), c.get("processed").asLong(), c.get("early").asLong(),
                            c.get("onTime").asLong(), c.get("late").asLong(), c.get("inProgress").asLong(),
                            c.get("withinTime").asLong(), c.get("overdue").asLong());
                }
                Row total = sheet.getRow(i);
                assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Tổng cộng");
                assertThat(numbers(total, 3, 1)).containsExactly(json.get("total").get("counts").get("carriedOver").asLong());
                assertThat((long) total.getCell(6).getNumericCellValue())
                        .isEqualTo(json.get("total").get("counts").get("received").asLong());
            }
        }
    }

    @Test
    void everyReportDownloadsAsExcel() throws IOException {
        for (String report : List.of("procedures-by-level", "by-level", "online-rates", "by-procedure")) {
            var r = api().get("/api/v1/stats/" + report + ".xlsx?" + (report.startsWith("procedures") ? "" : PERIOD));
            assertThat(r.status()).as(report + " " + r).isEqualTo(200);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
                List<String> header = texts(wb.getSheetAt(0).getRow(ExcelWriter.HEADER_ROW));
                assertThat(header).as(report).isNotEmpty().allMatch(h -> !h.isBlank());
            }
        }
        var r = api().get("/api/v1/stats/by-level.xlsx?" + PERIOD);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Row commune = wb.getSheetAt(0).getRow(ExcelWriter.HEADER_ROW + 3);
            assertThat(commune.getCell(0).getStringCellValue()).isEqualTo("Cấp xã");
            assertThat((long) commune.getCell(4).getNumericCellValue())
                    .isEqualTo(expected(f -> f.level().equals("COMMUNE")).received());
        }
    }

    /** The figures of a row as the workbook shows them, column by column (Bảng 2–9 add the on-time rate). */
    static final Map<String, List<String>> FIGURES = Map.of(
            "procedures-by-level", List.of("procedures", "full", "partial", "notOnline"),
            "dossiers", List.of("carriedOver", "newOnline", "newDirect", "received", "processed", "early", "onTime",
                    "late", "inProgress", "withinTime", "overdue"),
            "online-rates", List.of("received", "online", "receivedOfOnlineProcedures", "usageRate",
                    "processingRate"));

    /**
     * Issue 16: {@code ?format=xlsx} on each statistics path is declared (the {@code format} choice and the workbook
     * as a second media type of the 200 answer), and what it answers is a real workbook whose every row, every figure
     * and the total equal the JSON answer of the same question.
     */
    @Test
    void formatXlsxIsDeclaredAndAnswersTheJsonFiguresAsAWorkbook() throws IOException {
        JsonNode paths = api().get("/v3/api-docs").json().get("paths");
        for (String query : List.of("procedures-by-level?", "by-level?" + PERIOD, "by-unit?" + PERIOD,
                "by-unit?unit=" + TAN_PHU + "&" + PERIOD, "online-rates?" + PERIOD, "by-procedure?top=5&" + PERIOD,
                "by-procedure?procedure=" + MARITAL + "&" + PERIOD)) {
            String report = query.substring(0, query.indexOf('?'));
            JsonNode op = paths.get("/api/v1/stats/" + report).get("get");
            JsonNode format = op.get("parameters").valueStream().filter(p -> p.get("name").asString().equals("format"))
                    .findFirst().orElseThrow();
            assertThat(format.get("schema").get("enum").valueStream().map(JsonNode::asString))
                    .as(report).containsExactly("json", "xlsx");
            JsonNode content = op.get("responses").get("200").get("content");
            assertThat(content.has("application/json")).as(report).isTrue();
            assertThat(content.get(ExcelWriter.CONTENT_TYPE).get("schema").get("format").asString()).as(report)
                    .isEqualTo("binary");
            assertThat(paths.get("/api/v1/stats/" + report + ".xlsx").get("get").has("parameters")
                    && paths.get("/api/v1/stats/" + report + ".xlsx").get("get").get("parameters").valueStream()
                    .anyMatch(p -> p.get("name").asString().equals("format")))
                    .as("the .xlsx path has no format to choose").isFalse();

            JsonNode json = api().get("/api/v1/stats/" + query).json();
            var r = api().get("/api/v1/stats/" + query + "&format=xlsx");
            assertThat(r.status()).as(query + " " + r).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith(ExcelWriter.CONTENT_TYPE);
            List<String> fields = FIGURES.getOrDefault(report, FIGURES.get("dossiers"));
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
                Sheet sheet = wb.getSheetAt(0);
                List<JsonNode> rows = new ArrayList<>();
                json.get("rows").forEach(rows::add);
                rows.add(json.get("total"));
                assertThat(rows).as(query).hasSizeGreaterThan(1);
                for (int i = 0; i < rows.size(); i++) {
                    JsonNode row = rows.get(i).has("counts") ? rows.get(i).get("counts") : rows.get(i);
                    List<Double> expected = new ArrayList<>();
                    for (String f : fields) {
                        if (!row.get(f).isNull()) {
                            expected.add(row.get(f).asDouble());
                        }
                    }
                    if (rows.get(i).has("counts") && row.get("processed").asLong() > 0) {
                        expected.add(Math.round(row.get("onTime").asLong() * 1000.0 / row.get("processed").asLong())
                                / 10.0);
                    }
                    List<Double> cells = new ArrayList<>();
                    for (Cell c : sheet.getRow(ExcelWriter.HEADER_ROW + 1 + i)) {
                        if (c.getCellType() == CellType.NUMERIC) {
                            cells.add(c.getNumericCellValue());
                        }
                    }
                    assertThat(cells).as(query + " row " + i).isEqualTo(expected);
                }
                assertThat(sheet.getRow(ExcelWriter.HEADER_ROW + rows.size()).getCell(0).getStringCellValue())
                        .as("the last row is the total").startsWith("Tổng");
            }
        }
    }

    static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell c : row) {
            out.add(c.getStringCellValue());
        }
        return out;
    }

    static List<Long> numbers(Row row, int first, int count) {
        List<Long> out = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            Cell c = row.getCell(i);
            assertThat(c.getCellType()).isEqualTo(CellType.NUMERIC);
            out.add((long) c.getNumericCellValue());
        }
        return out;
    }
}

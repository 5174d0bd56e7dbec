package vn.motcua.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Fee;
import vn.motcua.catalog.internal.ProcedureAdmin.ProcedureInput;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.audit.AdminAudit;
import vn.motcua.platform.text.Tables;
import vn.motcua.platform.text.TextNormalizer;

/**
 * Imports procedures from a table in the column layout of the national procedure database's list export
 * (CSDL quốc gia về TTHC, csdl.dichvucong.gov.vn: "Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Cơ quan
 * thực hiện", "Thời hạn giải quyết", "Phí, lệ phí", "Thành phần hồ sơ", "Kết quả thực hiện", "Căn cứ pháp lý", "Mức độ
 * dịch vụ công"), plus MotCua's optional "Cơ quan tiếp nhận" (agency codes). Headers are matched without diacritics or
 * case; the layout is documented in docs/ADMINISTRATION.md. Several values in one cell are on separate lines (or
 * separated by {@code |}). Preview first; applying is all or nothing: one bad line and nothing is created.
 */
@Service
public class ProcedureImport {

    /** One procedure line of an import, as it will be created. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProcedureImportRow")
    public record ImportRow(int line, String code, String name, String fieldName, List<String> levels,
                            String processingTime, long feeTotal, int components) {
    }

    /** The result: the rows, and after applying the procedures created (unpublished, to be checked then published). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProcedureImportResult")
    public record ImportResult(boolean applied, List<ImportRow> rows, List<String> created) {
    }

    private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("code", List.of("ma thu tuc", "ma tthc", "code")),
            Map.entry("name", List.of("ten thu tuc", "ten tthc", "name")),
            Map.entry("field", List.of("linh vuc", "field")),
            Map.entry("levels", List.of("cap thuc hien", "levels")),
            Map.entry("agency", List.of("co quan thuc hien", "implementing agency")),
            Map.entry("time", List.of("thoi han giai quyet", "processing time")),
            Map.entry("fees", List.of("phi le phi", "phi", "le phi", "fees")),
            Map.entry("components", List.of("thanh phan ho so", "components")),
            Map.entry("result", List.of("ket qua thuc hien", "ket qua", "result")),
            Map.entry("legal", List.of("can cu phap ly", "legal basis")),
            Map.entry("online", List.of("muc do dich vu cong", "muc do dvc", "muc do", "online level")),
            Map.entry("receivers", List.of("co quan tiep nhan", "receiving agencies")));

    private static final Pattern TIME = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(ngay lam viec|gio lam viec|ngay|gio)");
    private static final Pattern MONEY = Pattern.compile("(\\d{1,3}(?:[.,]\\d{3})+|\\d+)\\s*(?:dong|d\\b|vnd)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[.,]\\d{3})+|\\d+");

    /** Lower case without diacritics, punctuation kept ("0,5 ngày" → "0,5 ngay", "50.000 đồng" → "50.000 dong"). */
    static String plain(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "").trim();
    }

    private final ProcedureAdmin admin;
    private final AdminAudit audit;
    private final CatalogService catalog;
    private final MessageSource messages;

    ProcedureImport(ProcedureAdmin admin, AdminAudit audit, CatalogService catalog, MessageSource messages) {
        this.admin = admin;
        this.audit = audit;
        this.catalog = catalog;
        this.messages = messages;
    }

    @Transactional
    public ImportResult importFile(Actor actor, String filename, byte[] bytes, boolean apply) {
        ProcedureAdmin.requireProvinceAdmin(actor);
        return importTable(actor, Tables.read(filename, bytes), apply);
    }

    ImportResult importTable(Actor actor, List<List<String>> table, boolean apply) {
        if (table.isEmpty()) {
            throw ProblemException.invalid("file", "error.import.empty");
        }
        Map<String, Integer> at = new HashMap<>();
        List<String> header = table.getFirst().stream().map(h -> TextNormalizer.fold(h).trim()).toList();
        COLUMNS.forEach((key, names) -> {
            for (int i = 0; i < header.size(); i++) {
                if (names.contains(header.get(i).replaceAll("\\s+", " "))) {
                    at.put(key, i);
                    return;
                }
            }
        });
        if (!at.containsKey("code") || !at.containsKey("name") || !at.containsKey("field")
                || !at.containsKey("levels")) {
            throw ProblemException.invalid("file", "error.import.header",
                    "Mã thủ tục, Tên thủ tục, Lĩnh vực, Cấp thực hiện");
        }
        List<FieldProblem> errors = new ArrayList<>();
        List<ImportRow> rows = new ArrayList<>();
        List<ProcedureAdmin.Clean> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> r = table.get(i);
            int line = i + 1;
            if (r.stream().allMatch(String::isBlank)) {
                continue;
            }
            List<FieldProblem> lineErrors = new ArrayList<>();
            ProcedureInput in = input(r, at, line, lineErrors);
            ProcedureAdmin.Clean c = admin.check(in, null, "line " + line + ".");
            lineErrors.addAll(c.problems());
            if (c.code() != null && !seen.add(c.code())) {
                lineErrors.add(FieldProblem.of("line " + line + ".code", "error.procedure.duplicate", c.code()));
            }
            for (FieldProblem p : lineErrors) {
                errors.add(FieldProblem.localized(p.field(), text("import.lineError", line,
                        p.message() != null ? p.message() : text(p.messageKey(), p.args()))));
            }
            clean.add(c);
            rows.add(new ImportRow(line, c.code(), in.name(), in.fieldName(), in.levels(),
                    cell(r, at.get("time")), in.fees().stream().mapToLong(f -> f.amount() == null ? 0 : f.amount()).sum(),
                    in.components().size()));
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "error.import.empty");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!apply) {
            return new ImportResult(false, rows, List.of());
        }
        List<String> created = new ArrayList<>();
        for (ProcedureAdmin.Clean c : clean) {
            admin.insert(actor, c, false);
            audit.record(actor, AdminAudit.Subject.PROCEDURE, c.code(), "IMPORT", null, null, c.row().get("name"));
            created.add(c.code());
        }
        catalog.invalidate();
        return new ImportResult(true, rows, created);
    }

    private ProcedureInput input(List<String> r, Map<String, Integer> at, int line, List<FieldProblem> errors) {
        String prefix = "line " + line + ".";
        List<String> levels = new ArrayList<>();
        for (String l : items(cell(r, at.get("levels")))) {
            String f = TextNormalizer.fold(l);
            if (f.contains("tinh") || f.contains("trung uong") || f.contains("province")) {
                levels.add("PROVINCE");
            } else if (f.contains("huyen") || f.contains("district")) {
                levels.add("DISTRICT");
            } else if (f.contains("xa") || f.contains("commune")) {
                levels.add("COMMUNE");
            } else {
                levels.add(l); // refused by the rules, naming the value
            }
        }
        BigDecimal amount = null;
        String unit = null;
        String time = cell(r, at.get("time"));
        if (!time.isBlank()) {
            String f = plain(time);
            Matcher m = TIME.matcher(f);
            if (f.startsWith("trong ngay") || f.contains("ngay trong ngay")) {
                unit = "SAME_DAY";
            } else if (m.find()) {
                amount = new BigDecimal(m.group(1).replace(',', '.'));
                unit = switch (m.group(2)) {
                    case "ngay lam viec" -> "WORKING_DAYS";
                    case "gio lam viec", "gio" -> "WORKING_HOURS";
                    default -> "DAYS";
                };
            } else {
                errors.add(FieldProblem.of(prefix + "processingTime", "error.procedure.timeText", time));
            }
        }
        List<Fee> fees = new ArrayList<>();
        for (String f : items(cell(r, at.get("fees")))) {
            String folded = TextNormalizer.fold(f);
            if (folded.equals("khong") || folded.startsWith("khong co") || folded.startsWith("mien")) {
                fees.add(new Fee(f, 0L, null, "VND/lần", "le_phi"));
                continue;
            }
            Matcher m = MONEY.matcher(plain(f));
            Long value = null;
            if (m.find()) {
                value = Long.parseLong(m.group(1).replaceAll("[.,]", ""));
            } else if (NUMBER.matcher(f.trim()).matches()) {
                value = Long.parseLong(f.trim().replaceAll("[.,]", ""));
            }
            int colon = f.indexOf(':');
            String name = colon > 0 ? f.substring(0, colon).trim() : (folded.startsWith("phi") ? "Phí" : "Lệ phí");
            fees.add(new Fee(name, value, colon > 0 ? f.substring(colon + 1).trim() : f, "VND/lần",
                    TextNormalizer.fold(name).startsWith("phi") ? "phi" : "le_phi"));
        }
        List<ProcedureAdmin.ComponentInput> components = new ArrayList<>();
        for (String c : items(cell(r, at.get("components")))) {
            String folded = TextNormalizer.fold(c);
            boolean copy = folded.contains("ban sao");
            boolean optional = folded.contains("khong bat buoc") || folded.contains("neu co");
            components.add(new ProcedureAdmin.ComponentInput(null, c, copy ? 0 : 1, copy ? 1 : 0, !optional,
                    optional ? "CONDITIONAL" : "REQUIRED", null));
        }
        String online = TextNormalizer.fold(cell(r, at.get("online")));
        String onlineLevel = online.contains("toan trinh") || online.equals("4") || online.contains("muc do 4") ? "FULL"
                : online.contains("mot phan") || online.equals("3") || online.contains("muc do 3") ? "PARTIAL" : null;
        List<String> receivers = items(cell(r, at.get("receivers")));
        return new ProcedureInput(cell(r, at.get("code")), null, cell(r, at.get("name")), null, null,
                cell(r, at.get("field")), levels, List.of(), receivers.isEmpty() ? null : receivers,
                cell(r, at.get("agency")), amount, unit, time.isBlank() ? null : time, fees, components,
                cell(r, at.get("result")), items(cell(r, at.get("legal"))), onlineLevel, null, null, false, null, null);
    }

    /** The values of a cell: one a line, or separated by {@code |} or {@code ;}; list bullets removed. */
    static List<String> items(String cell) {
        List<String> out = new ArrayList<>();
        for (String s : cell.split("[\\r\\n|]+")) {
            String t = s.replaceFirst("^\\s*(?:[-+•*]|\\d+[.)])\\s*", "").trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static String cell(List<String> row, Integer i) {
        return i == null || i < 0 || i >= row.size() ? "" : row.get(i).trim();
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}

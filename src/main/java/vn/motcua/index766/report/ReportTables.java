package vn.motcua.index766.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.index766.report.ReportResults.DossierReport;
import vn.motcua.index766.report.ReportResults.DossierRow;
import vn.motcua.index766.report.ReportResults.LevelProcedures;
import vn.motcua.index766.report.ReportResults.OnlineReport;
import vn.motcua.index766.report.ReportResults.OnlineRow;
import vn.motcua.index766.report.ReportResults.ProceduresReport;
import vn.motcua.index766.web.Index766Format;

/** Turns a report into a {@link Table} in the reader's language. */
@Component
class ReportTables {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final MessageSource messages;
    private final java.time.ZoneId zone;

    ReportTables(MessageSource messages, java.time.ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    Table procedures(ProceduresReport r, Locale locale) {
        List<Table.Column> cols = columns(locale, false, "level");
        cols.addAll(columns(locale, true, "procedures", "full", "partial", "notOnline"));
        List<List<Object>> rows = new ArrayList<>();
        for (LevelProcedures l : r.rows()) {
            rows.add(List.of(msg("report.level." + l.level(), locale), l.procedures(), l.full(), l.partial(),
                    l.notOnline()));
        }
        LevelProcedures t = r.total();
        List<Object> total = List.of(msg("report.col.totalDistinct", locale), t.procedures(), t.full(), t.partial(),
                t.notOnline());
        return new Table(msg(Report.PROCEDURES.key() + ".title", locale), msg("report.catalogue", locale), cols,
                rows, total, notes(Report.PROCEDURES, locale));
    }

    Table dossiers(Report kind, DossierReport r, Locale locale) {
        boolean byLevel = kind == Report.BY_LEVEL;
        boolean perProcedure = kind == Report.BY_PROCEDURE && r.procedure() == null;
        List<Table.Column> cols = byLevel ? columns(locale, false, "level")
                : perProcedure ? columns(locale, false, "procedureCode", "procedure")
                : columns(locale, false, "code", "unit", "level");
        cols.addAll(columns(locale, true, "carriedOver", "newOnline", "newDirect", "received", "processed", "early",
                "onTime", "late", "inProgress", "withinTime", "overdue", "onTimeRate"));
        List<List<Object>> rows = new ArrayList<>();
        for (DossierRow row : r.rows()) {
            List<Object> cells = new ArrayList<>();
            if (byLevel) {
                cells.add(msg("report.level." + row.group(), locale));
            } else if (perProcedure) {
                cells.add(row.key());
                cells.add(row.name());
            } else {
                cells.add(row.key());
                cells.add(row.name());
                cells.add(msg("report.unitLevel." + row.group(), locale));
            }
            addCounts(cells, row.counts());
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>();
        total.add(msg("report.col.total", locale));
        for (int i = 1; i < cols.size() - 12; i++) {
            total.add(null);
        }
        addCounts(total, r.total().counts());
        String title = msg(kind.key() + ".title", locale);
        if (r.procedureName() != null) {
            title = title + ": " + r.procedureName();
        }
        return new Table(title, subtitle(r.from(), r.to(), r.unitName(), r.units(), r.formedFrom(), locale), cols, rows,
                total, notes(kind, locale));
    }

    Table online(OnlineReport r, Locale locale) {
        List<Table.Column> cols = columns(locale, false, "code", "unit", "level");
        cols.addAll(columns(locale, true, "newReceived", "online", "receivedOfOnlineProcedures", "usageRate"));
        cols.addAll(columns(locale, false, "usageMet"));
        cols.addAll(columns(locale, true, "processingRate"));
        cols.addAll(columns(locale, false, "processingMet"));
        List<List<Object>> rows = new ArrayList<>();
        for (OnlineRow row : r.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.key());
            cells.add(row.name());
            cells.add(msg("report.unitLevel." + row.group(), locale));
            addRates(cells, row, locale);
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>();
        total.add(msg("report.col.total", locale));
        total.add(null);
        total.add(null);
        addRates(total, r.total(), locale);
        String subtitle = subtitle(r.from(), r.to(), r.unitName(), r.units(), r.formedFrom(), locale) + " · "
                + messages.getMessage("report.targets", new Object[]{percent(r.usageTarget(), locale),
                percent(r.processingTarget(), locale)}, locale);
        return new Table(msg(Report.ONLINE.key() + ".title", locale), subtitle, cols, rows, total,
                notes(Report.ONLINE, locale));
    }

    private void addRates(List<Object> cells, OnlineRow row, Locale locale) {
        cells.add(row.received());
        cells.add(row.online());
        cells.add(row.receivedOfOnlineProcedures());
        cells.add(row.usageRate());
        cells.add(met(row.usageMet(), locale));
        cells.add(row.processingRate());
        cells.add(met(row.processingMet(), locale));
    }

    private String met(Boolean met, Locale locale) {
        return met == null ? null : msg(met ? "report.met" : "report.notMet", locale);
    }

    private static void addCounts(List<Object> cells, Counts c) {
        cells.add(c.carriedOver());
        cells.add(c.newOnline());
        cells.add(c.newDirect());
        cells.add(c.received());
        cells.add(c.processed());
        cells.add(c.early());
        cells.add(c.onTime());
        cells.add(c.late());
        cells.add(c.inProgress());
        cells.add(c.withinTime());
        cells.add(c.overdue());
        cells.add(c.onTimeRate());
    }

    /** The unit and the period; by today's units (issue 11), said so, with the former units the unit counts. */
    private String subtitle(java.time.LocalDate from, java.time.LocalDate to, String unitName, String units,
                            List<String> formedFrom, Locale locale) {
        String s = messages.getMessage("report.subtitle", new Object[]{unitName == null ? "" : unitName,
                DAY.format(from), DAY.format(to)}, locale);
        if ("TODAY".equals(units)) {
            s = messages.getMessage("report.subtitle.today", new Object[]{s}, locale);
            if (!formedFrom.isEmpty()) {
                s += " · " + messages.getMessage("report.formedFrom", new Object[]{String.join(", ", formedFrom)},
                        locale);
            }
        }
        return s;
    }

    private List<String> notes(Report kind, Locale locale) {
        List<String> keys = switch (kind) {
            case PROCEDURES -> List.of("report.def.catalogue", "report.def.levels");
            case ONLINE -> List.of("report.def.received", "report.def.usage", "report.def.processing",
                    "report.def.targets");
            default -> List.of("report.def.carriedOver", "report.def.received", "report.def.onTime",
                    "report.def.late", "report.def.inProgress", "report.def.units");
        };
        return keys.stream().map(k -> msg(k, locale)).toList();
    }

    private List<Table.Column> columns(Locale locale, boolean numeric, String... names) {
        List<Table.Column> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(new Table.Column(msg("report.col." + n, locale), numeric));
        }
        return cols;
    }

    /** A target in percent as the reader writes numbers: 80, 52,5 (vi), 52.5 (en) (issue 18). */
    private String percent(double v, Locale locale) {
        return new Index766Format(locale, messages, zone).number(v);
    }

    String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

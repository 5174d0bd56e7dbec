package vn.motcua.index766.report;

import java.util.List;

/**
 * A report as a table with localized headers, the form the pages and the Excel files share. Cells hold raw
 * values: {@link Long} counts, {@link Double} percentages, {@link Boolean} met / not met, text, or null.
 */
public record Table(String title, String subtitle, List<Column> columns, List<List<Object>> rows, List<Object> total,
             List<String> notes) {

    public record Column(String header, boolean numeric) {
    }
}

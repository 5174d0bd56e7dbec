package vn.motcua.index766.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link Table} as an .xlsx file, streaming (SXSSF keeps only a window of rows in memory): row 1 the
 * title, row 2 the period and unit, row 4 the Vietnamese (or English) header row, then the rows, the total
 * row, and the definitions under the table.
 */
final class ExcelWriter {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Zero-based index of the header row. */
    static final int HEADER_ROW = 3;

    private ExcelWriter() {
    }

    static void write(Table table, String sheetName, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            Sheet sheet = wb.createSheet(sheetName);
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle boldStyle = wb.createCellStyle();
            boldStyle.setFont(bold);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0"));
            CellStyle boldPercent = wb.createCellStyle();
            boldPercent.setFont(bold);
            boldPercent.setDataFormat(wb.createDataFormat().getFormat("0.0"));

            text(sheet.createRow(0), 0, table.title(), boldStyle);
            text(sheet.createRow(1), 0, table.subtitle(), null);
            Row h = sheet.createRow(HEADER_ROW);
            for (int i = 0; i < table.columns().size(); i++) {
                text(h, i, table.columns().get(i).header(), header);
            }
            int r = HEADER_ROW + 1;
            for (List<Object> row : table.rows()) {
                values(sheet.createRow(r++), row, null, percent);
            }
            values(sheet.createRow(r++), table.total(), boldStyle, boldPercent);
            r++;
            for (String note : table.notes()) {
                text(sheet.createRow(r++), 0, note, null);
            }
            for (int i = 0; i < table.columns().size(); i++) {
                sheet.setColumnWidth(i, (table.columns().get(i).numeric() ? 14 : i == 1 ? 40 : 16) * 256);
            }
            wb.write(out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    private static void values(Row row, List<Object> values, CellStyle style, CellStyle percent) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Long n) {
                Cell c = row.createCell(i);
                c.setCellValue(n);
                if (style != null) {
                    c.setCellStyle(style);
                }
            } else if (v instanceof Double d) {
                Cell c = row.createCell(i);
                c.setCellValue(d);
                c.setCellStyle(percent);
            } else if (v != null) {
                text(row, i, v.toString(), style);
            }
        }
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) {
            c.setCellStyle(style);
        }
    }
}

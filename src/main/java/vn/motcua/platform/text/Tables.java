package vn.motcua.platform.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.motcua.platform.ProblemException;

/**
 * Tables an administrator imports (accounts, procedures): a CSV file or the first sheet of an .xlsx file, as rows of
 * text cells. CSV: a small RFC 4180 reader (quoted fields with doubled quotes and line breaks, CRLF or LF, a UTF-8 byte
 * order mark as Excel writes); the separator is a comma, or a semicolon when the header line has more semicolons than
 * commas (Excel with Vietnamese regional settings). Excel: the cells as shown in Excel.
 */
public final class Tables {

    /** The largest file accepted (5 MB). */
    public static final long MAX_BYTES = 5_000_000;

    private Tables() {
    }

    /** An uploaded file by its name: {@code .xlsx} as Excel, anything else as UTF-8 CSV; 400 on {@code file} when too large. */
    public static List<List<String>> read(String filename, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw ProblemException.invalid("file", "error.import.tooLarge");
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") ? xlsx(bytes) : csv(new String(bytes, StandardCharsets.UTF_8));
    }

    public static List<List<String>> csv(String text) {
        String s = text == null ? "" : text;
        s = s.startsWith("\uFEFF") ? s.substring(1) : s;
        int firstBreak = s.indexOf('\n');
        String head = firstBreak < 0 ? s : s.substring(0, firstBreak);
        char sep = head.chars().filter(c -> c == ';').count() > head.chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == sep) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    public static List<List<String>> xlsx(byte[] xlsx) {
        DataFormatter format = new DataFormatter();
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                out.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "error.import.unreadable");
        }
        return out;
    }
}

package vn.motcua.identity.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.motcua.platform.ProblemException;

/** The first sheet of an .xlsx file as rows of text cells (as shown in Excel). */
final class Spreadsheet {

    private Spreadsheet() {
    }

    static List<List<String>> rows(byte[] xlsx) {
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

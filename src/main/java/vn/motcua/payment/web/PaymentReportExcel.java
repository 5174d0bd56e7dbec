package vn.motcua.payment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.motcua.payment.internal.PaymentReports;

/**
 * The payment report as an Excel workbook: sheet 1 the rows (period, agency, attempts, success rate, phí, lệ phí,
 * other financial obligations, collected, refunded) and the total; sheet 2 the success rates per channel. Amounts
 * are numbers in đồng written from the report itself, so the file matches the API to the đồng.
 */
final class PaymentReportExcel {

    static final String[] COLUMNS = {"period", "agencyCode", "agency", "attempts", "succeeded", "successRate",
        "phi.count", "phi.amount", "lePhi.count", "lePhi.amount", "obligations.count", "obligations.amount",
        "paidAmount", "refunded", "refundedAmount"};
    static final String[] CHANNEL_COLUMNS = {"period", "agencyCode", "agency", "channel", "attempts", "succeeded",
        "successRate", "paidAmount"};

    private PaymentReportExcel() {
    }

    static byte[] write(PaymentReports.Report report, MessageSource messages, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0"));

            Sheet s = wb.createSheet(msg(messages, "payment.report.sheet.rows", locale));
            Row title = s.createRow(0);
            text(title, 0, msg(messages, "payment.report.title", locale) + " — " + report.from() + " → " + report.to())
                    .setCellStyle(bold);
            Row head = s.createRow(1);
            for (int c = 0; c < COLUMNS.length; c++) {
                text(head, c, msg(messages, "payment.report.col." + COLUMNS[c], locale)).setCellStyle(bold);
            }
            int i = 2;
            for (PaymentReports.Row r : report.rows()) {
                figures(s.createRow(i++), r.period(), r.agencyCode(), r.agencyName(), r.figures(), money);
            }
            Row total = figures(s.createRow(i + 1), msg(messages, "payment.report.total", locale), "", "",
                    report.total(), money);
            total.getCell(0).setCellStyle(bold);
            s.createFreezePane(0, 2);
            for (int c = 0; c < COLUMNS.length; c++) {
                s.setColumnWidth(c, c == 2 ? 40 * 256 : 16 * 256);
            }

            Sheet ch = wb.createSheet(msg(messages, "payment.report.sheet.channels", locale));
            Row h2 = ch.createRow(0);
            for (int c = 0; c < CHANNEL_COLUMNS.length; c++) {
                text(h2, c, msg(messages, "payment.report.col." + CHANNEL_COLUMNS[c], locale)).setCellStyle(bold);
            }
            int j = 1;
            for (PaymentReports.Row r : report.rows()) {
                for (PaymentReports.ChannelFigures c : r.figures().channels()) {
                    channel(ch.createRow(j++), r.period(), r.agencyCode(), r.agencyName(), c, money);
                }
            }
            j++;
            for (PaymentReports.ChannelFigures c : report.total().channels()) {
                channel(ch.createRow(j++), msg(messages, "payment.report.total", locale), "", "", c, money);
            }
            for (int c = 0; c < CHANNEL_COLUMNS.length; c++) {
                ch.setColumnWidth(c, c == 2 ? 40 * 256 : 16 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row figures(Row row, String period, String code, String name, PaymentReports.Figures f,
                               CellStyle money) {
        text(row, 0, period);
        text(row, 1, code);
        text(row, 2, name);
        row.createCell(3).setCellValue(f.attempts());
        row.createCell(4).setCellValue(f.succeeded());
        if (f.successRate() != null) {
            row.createCell(5).setCellValue(f.successRate());
        }
        row.createCell(6).setCellValue(f.phi().paid());
        amount(row, 7, f.phi().paidAmount(), money);
        row.createCell(8).setCellValue(f.lePhi().paid());
        amount(row, 9, f.lePhi().paidAmount(), money);
        row.createCell(10).setCellValue(f.obligations().paid());
        amount(row, 11, f.obligations().paidAmount(), money);
        amount(row, 12, f.paidAmount(), money);
        row.createCell(13).setCellValue(f.refunded());
        amount(row, 14, f.refundedAmount(), money);
        return row;
    }

    private static void channel(Row row, String period, String code, String name, PaymentReports.ChannelFigures c,
                                CellStyle money) {
        text(row, 0, period);
        text(row, 1, code);
        text(row, 2, name);
        text(row, 3, c.channel());
        row.createCell(4).setCellValue(c.attempts());
        row.createCell(5).setCellValue(c.succeeded());
        if (c.successRate() != null) {
            row.createCell(6).setCellValue(c.successRate());
        }
        amount(row, 7, c.paidAmount(), money);
    }

    private static void amount(Row row, int column, long value, CellStyle money) {
        Cell c = row.createCell(column);
        c.setCellValue(value);
        c.setCellStyle(money);
    }

    private static Cell text(Row row, int column, String value) {
        Cell c = row.createCell(column);
        if (value != null) {
            c.setCellValue(value);
        }
        return c;
    }

    private static String msg(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

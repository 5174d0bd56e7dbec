package vn.motcua.payment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.motcua.payment.internal.PaymentLedger;
import vn.motcua.payment.internal.PaymentRecord;

/**
 * The ledger as an Excel workbook (Apache POI): sheet "Giao dịch" with every attempt and the total of what was paid,
 * sheet "Tổng hợp" with the totals by day, agency and channel. Amounts are numbers in đồng (no formula to recompute),
 * so the file matches the screen and the API to the đồng.
 */
final class LedgerExcel {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LedgerExcel() {
    }

    static byte[] write(PaymentLedger ledgers, PaymentLedger.Ledger ledger, MessageSource messages,
                        java.util.Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            CellStyle boldMoney = wb.createCellStyle();
            boldMoney.cloneStyleFrom(money);
            boldMoney.setFont(font);

            Sheet s = wb.createSheet("Giao dịch");
            header(s.createRow(0), bold, "Ngày", "Giờ", "Cơ quan", "Mã hồ sơ", "Thủ tục", "Người nộp", "Kênh",
                    "Hình thức", "Mã tham chiếu", "Mã giao dịch cổng", "Trạng thái", "Số tiền (đồng)",
                    "Lý do hoàn tiền");
            int i = 1;
            for (PaymentRecord r : ledger.payments()) {
                Row row = s.createRow(i++);
                var t = ledgers.local(r.createdAt());
                text(row, 0, t.format(DAY));
                text(row, 1, t.format(TIME));
                text(row, 2, r.agencyCode());
                text(row, 3, r.dossierCode());
                text(row, 4, r.procedureName());
                text(row, 5, r.payerName());
                text(row, 6, r.gateway());
                text(row, 7, r.method());
                text(row, 8, r.reference());
                text(row, 9, r.gatewayTxnNo());
                text(row, 10, messages.getMessage("payment.status." + r.status(), null, r.status().name(), locale));
                Cell amount = row.createCell(11);
                amount.setCellValue(r.amount());
                amount.setCellStyle(money);
                text(row, 12, r.refundReason());
            }
            Row total = s.createRow(i + 1);
            text(total, 10, "Tổng đã thu").setCellStyle(bold);
            Cell paid = total.createCell(11);
            paid.setCellValue(ledger.total().paidAmount());
            paid.setCellStyle(boldMoney);
            Row refunded = s.createRow(i + 2);
            text(refunded, 10, "Tổng đã hoàn").setCellStyle(bold);
            Cell back = refunded.createCell(11);
            back.setCellValue(ledger.total().refundedAmount());
            back.setCellStyle(boldMoney);
            s.createFreezePane(0, 1);
            for (int c = 0; c < 13; c++) {
                s.setColumnWidth(c, c == 4 ? 50 * 256 : 18 * 256);
            }

            Sheet sum = wb.createSheet("Tổng hợp");
            header(sum.createRow(0), bold, "Ngày", "Cơ quan", "Kênh", "Số giao dịch", "Thành công",
                    "Số tiền đã thu (đồng)", "Đã hoàn", "Số tiền đã hoàn (đồng)", "Tỷ lệ thành công (%)");
            int j = 1;
            for (PaymentLedger.Totals g : ledger.groups()) {
                totals(sum.createRow(j++), g, g.day().format(DAY), g.agencyCode(), g.channel(), money);
            }
            Row grand = totals(sum.createRow(j + 1), ledger.total(), "Tổng cộng",
                    ledger.filter().agencyCode() == null ? "" : ledger.filter().agencyCode(),
                    ledger.filter().channel() == null ? "" : ledger.filter().channel(), boldMoney);
            grand.getCell(0).setCellStyle(bold);
            for (int c = 0; c < 9; c++) {
                sum.setColumnWidth(c, 20 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row totals(Row row, PaymentLedger.Totals g, String day, String agency, String channel,
                              CellStyle money) {
        text(row, 0, day);
        text(row, 1, agency);
        text(row, 2, channel);
        row.createCell(3).setCellValue(g.attempts());
        row.createCell(4).setCellValue(g.paid());
        Cell paid = row.createCell(5);
        paid.setCellValue(g.paidAmount());
        paid.setCellStyle(money);
        row.createCell(6).setCellValue(g.refunded());
        Cell back = row.createCell(7);
        back.setCellValue(g.refundedAmount());
        back.setCellStyle(money);
        if (g.successRate() != null) {
            row.createCell(8).setCellValue(g.successRate());
        }
        return row;
    }

    private static void header(Row row, CellStyle bold, String... names) {
        for (int i = 0; i < names.length; i++) {
            text(row, i, names[i]).setCellStyle(bold);
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell c = row.createCell(column);
        if (value != null) {
            c.setCellValue(value);
        }
        return c;
    }

}

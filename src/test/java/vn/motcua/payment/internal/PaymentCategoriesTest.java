package vn.motcua.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.catalog.FeeQuote;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.PayableDossier;
import vn.motcua.payment.PaymentCategory;

/** The policy sorting payment lines into phí, lệ phí and other financial obligations, as written into a payment. */
class PaymentCategoriesTest {

    @Test
    void catalogueLinesKeepTheirKindAndAnAmountOutsideTheCatalogueIsAFinancialObligation() {
        assertThat(PaymentCategories.of("phi", false)).isEqualTo(PaymentCategory.PHI);
        assertThat(PaymentCategories.of("le_phi", false)).isEqualTo(PaymentCategory.LE_PHI);
        assertThat(PaymentCategories.of(null, false)).as("a line without kind, as receipts printed it")
                .isEqualTo(PaymentCategory.LE_PHI);
        assertThat(PaymentCategories.of("le_phi", true)).isEqualTo(PaymentCategory.NGHIA_VU_TAI_CHINH);
        assertThat(PaymentCategories.stored("PHI", "le_phi")).as("the stored category wins").isEqualTo(PaymentCategory.PHI);
        assertThat(PaymentCategories.stored(null, "phi")).isEqualTo(PaymentCategory.PHI);
        assertThat(PaymentCategories.stored("junk", "le_phi")).isEqualTo(PaymentCategory.LE_PHI);
    }

    @Test
    void theLinesOfAPaymentCarryTheirCategoryAndAddUpToTheAmount() {
        List<FeeQuote.Item> mixed = List.of(new FeeQuote.Item("Phí thẩm định", 810_000L, null, 1, 810_000L, "phi"),
                new FeeQuote.Item("Lệ phí cấp Giấy chứng nhận", 50_000L, null, 1, 50_000L, "le_phi"));
        List<Map<String, Object>> lines = PaymentService.items(dossier(860_000, mixed, false), 860_000);
        assertThat(lines).extracting(m -> m.get("category")).containsExactly("PHI", "LE_PHI");
        assertThat(lines.stream().mapToLong(m -> (Long) m.get("amount")).sum()).isEqualTo(860_000);

        // an officer asked 2,000,000 đ for a procedure the catalogue quotes nothing for: a financial obligation
        List<FeeQuote.Item> asked = List.of(new FeeQuote.Item("Phí, lệ phí giải quyết thủ tục hành chính", 2_000_000L,
                "Theo yêu cầu thực hiện nghĩa vụ tài chính", 1, 2_000_000L, "le_phi"));
        assertThat(PaymentService.items(dossier(2_000_000, asked, true), 2_000_000))
                .extracting(m -> m.get("category")).containsExactly("NGHIA_VU_TAI_CHINH");

        // the rest of a fee partly paid: one line, of the quote's kind
        List<Map<String, Object>> rest = PaymentService.items(dossier(860_000, mixed, false), 60_000);
        assertThat(rest).hasSize(1);
        assertThat(rest.getFirst().get("category")).isEqualTo("PHI");
        assertThat(rest.getFirst().get("amount")).isEqualTo(60_000L);
    }

    private static PayableDossier dossier(long fee, List<FeeQuote.Item> items, boolean outside) {
        return new PayableDossier(1, "H1", DossierStatus.PROCESSING, "1.012786", "Cấp lại", "70.689.CNVPDKDD", null,
                1L, "Nguyễn Văn An", "070090001234", null, null, null, fee, items, true, null, 0, outside);
    }
}

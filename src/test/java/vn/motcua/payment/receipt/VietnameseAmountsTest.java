package vn.motcua.payment.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Amounts in words as Vietnamese receipts and invoices write them, each written out by hand. */
class VietnameseAmountsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "0|Không đồng",
        "5|Năm đồng",
        "10|Mười đồng",
        "15|Mười lăm đồng",
        "14|Mười bốn đồng",
        "21|Hai mươi mốt đồng",
        "24|Hai mươi tư đồng",
        "25|Hai mươi lăm đồng",
        "101|Một trăm linh một đồng",
        "110|Một trăm mười đồng",
        "1005|Một nghìn không trăm linh năm đồng",
        "1010|Một nghìn không trăm mười đồng",
        "8000|Tám nghìn đồng",
        "30000|Ba mươi nghìn đồng",
        "105000|Một trăm linh năm nghìn đồng",
        "1250500|Một triệu hai trăm năm mươi nghìn năm trăm đồng",
        "1000005|Một triệu không trăm linh năm đồng",
        "2000000000|Hai tỷ đồng",
        "1000000001|Một tỷ không trăm linh một đồng",
        "88123456789|Tám mươi tám tỷ một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín đồng",
        "1000000000000|Một nghìn tỷ đồng"
    })
    void readsLikeAReceipt(long amount, String words) {
        assertThat(VietnameseAmounts.inWords(amount)).isEqualTo(words);
    }

    @Test
    void aNegativeAmountIsNotAnAmount() {
        assertThatThrownBy(() -> VietnameseAmounts.inWords(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

package vn.motcua.signing;

import java.util.List;
import java.util.Objects;

/**
 * A blank declaration (mẫu đơn, tờ khai) to print and fill in by hand, laid out from a procedure's eForm: the same
 * fields, labels and choices as the online form, so the paper and the screen never disagree.
 *
 * @param title     e.g. "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"
 * @param basis     where the form comes from, printed under the title (e.g. the circular), may be null
 * @param addressee "Kính gửi" line, e.g. "Ủy ban nhân dân cấp xã"; null: a blank to fill in
 */
public record FormTemplateData(String procedureCode, String title, String basis, String addressee, List<Line> lines) {

    public FormTemplateData {
        Objects.requireNonNull(procedureCode, "procedureCode");
        Objects.requireNonNull(title, "title");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /**
     * A line of the form: a heading for a block, or a field with a dotted blank or boxes for its choices.
     *
     * @param depth    0 at the top, 1 inside a block
     * @param required printed with an asterisk
     */
    public record Line(String label, List<String> choices, boolean heading, boolean required, int depth) {

        public Line {
            Objects.requireNonNull(label, "label");
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }
}

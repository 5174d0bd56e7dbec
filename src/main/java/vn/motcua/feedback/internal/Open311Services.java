package vn.motcua.feedback.internal;

import java.util.List;
import java.util.Optional;
import vn.motcua.feedback.FeedbackCategory;

/**
 * The Open311 services of the province: one per feedback category (DOMAIN-2.md §5.2: PAKN category → service_code),
 * each with the same two optional attributes.
 */
public final class Open311Services {

    /** One service. */
    public record Service(String code, String name, String description, FeedbackCategory category, String keywords,
                          String group) {
    }

    /** One attribute of a service definition. */
    public record Attribute(String code, String datatype, boolean required, String datatypeDescription, int order,
                            String description) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("pakn-quy-dinh", "Phản ánh, kiến nghị về quy định, thủ tục hành chính",
                    "Vướng mắc, bất cập của quy định hành chính, thủ tục hành chính, chính sách (Nghị định 20/2008/NĐ-CP)",
                    FeedbackCategory.REGULATION, "thủ tục hành chính,quy định,hồ sơ,chính sách", "Phản ánh, kiến nghị"),
            new Service("pakn-can-bo", "Phản ánh về hành vi của cán bộ, công chức, viên chức",
                    "Chậm trễ, gây phiền hà, không thực hiện hoặc thực hiện không đúng quy định của cán bộ, cơ quan",
                    FeedbackCategory.CONDUCT, "cán bộ,công chức,thái độ,nhũng nhiễu", "Phản ánh, kiến nghị"));

    public static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute("title", "string", false, "Tối đa 200 ký tự", 1,
                    "Tiêu đề (nếu không có: câu đầu của mô tả)"),
            new Attribute("dossier_code", "string", false, "Mã hồ sơ thủ tục hành chính, ví dụ H15.50.05.13-261008-0975",
                    2, "Hồ sơ liên quan (nếu có)"));

    private Open311Services() {
    }

    public static Optional<Service> byCode(String code) {
        return SERVICES.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public static Service of(FeedbackCategory category) {
        return SERVICES.stream().filter(s -> s.category() == category).findFirst().orElseThrow();
    }
}

package vn.motcua.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Builds valid applications from the catalogue (the procedure's eForm example and its required components). */
public final class TestDossiers {

    public static final String TAN_PHU = "70.689.25195.MC";
    public static final String MARITAL = "1.004873";

    private TestDossiers() {
    }

    /** A one-page PDF. */
    public static byte[] pdf(String text) {
        String content = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> out.append(String.format("%010d 00000 n \n", o)));
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    public static String upload(TestApi as, String name) {
        var r = as.upload("/api/v1/files", name, "application/pdf", pdf(name));
        if (r.status() != 201) {
            throw new AssertionError("upload failed: " + r);
        }
        return r.json().get("fileId").asString();
    }

    public static Map<String, Object> applicant(String phone) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("fullName", "Nguyễn Văn An");
        a.put("idNumber", "070090001234");
        a.put("dateOfBirth", "1990-05-12");
        a.put("phone", phone);
        a.put("email", "an.nguyen@example.vn");
        a.put("address", "Số 12, phường Tân Phú, thành phố Đồng Xoài");
        return a;
    }

    /** A complete, valid body for a procedure at an agency, every required component attached by {@code as}. */
    public static Map<String, Object> body(TestApi as, String procedure, String agency, String phone) {
        JsonNode p = as.get("/api/v1/procedures/" + procedure).json();
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (JsonNode c : p.get("components")) {
            if (c.get("required").asBoolean()) {
                attachments.add(Map.of("componentCode", c.get("code").asString(),
                        "fileId", upload(as, c.get("code").asString().toLowerCase() + ".pdf")));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("procedureCode", procedure);
        body.put("agencyCode", agency);
        body.put("applicant", applicant(phone));
        body.put("form", p.get("formSchema").get("examples").get(0));
        body.put("attachments", attachments);
        return body;
    }

    /** A new appointment {@code workingDays} working days after a due moment: a working moment of the calendar. */
    public static String newDue(vn.motcua.calendar.WorkingCalendar calendar, String dueAt, int workingDays) {
        return calendar.addWorkingMinutes(java.time.OffsetDateTime.parse(dueAt),
                workingDays * calendar.workingMinutesPerDay()).toString();
    }

    /** The body of a citizen's write with the version of the dossier they saw. */
    public static Map<String, Object> seen(JsonNode dossier, Map<String, Object> body) {
        Map<String, Object> out = new LinkedHashMap<>(body);
        out.put("version", dossier.get("version").asInt());
        return out;
    }

    /** A random mobile phone number, so that tests can find their own dossiers. */
    public static String phone() {
        return "09" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }
}

package vn.motcua.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.test.IntegrationTest;

/**
 * An Open311 GeoReport v2 client written from the published specification only (wiki.open311.org/GeoReport_v2 and
 * Service_discovery): no MotCua class is used to talk to the server. It discovers the endpoint, lists services, reads
 * a definition, files requests (form-encoded, and multipart with a photo), reads their status in JSON and XML, and
 * sees the spec's errors for bad input, with nothing stored.
 */
@IntegrationTest
class Open311ClientTest {

    static final String KEY = "demo-open311-key";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Reply(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        Document xml() {
            try {
                var f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new AssertionError(body, e);
            }
        }
    }

    String root() {
        return "http://127.0.0.1:" + port;
    }

    Reply get(String url) throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : root() + url)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    Reply postForm(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    Reply postMultipart(String url, Map<String, String> form, String fileName, byte[] media) throws Exception {
        String boundary = "open311" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (var e : form.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(media);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    static String text(Element parent, String tag) {
        var nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    Map<String, String> request(String serviceCode, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", KEY);
        form.put("service_code", serviceCode);
        form.put("lat", "11.5349");
        form.put("long", "106.8832");
        form.put("address_string", "Đường Phú Riềng Đỏ, Tân Phú, Đồng Xoài, Bình Phước");
        form.put("email", "nguoidan@example.vn");
        form.put("first_name", "Trần");
        form.put("last_name", "Thị Bình");
        form.put("description", description);
        return form;
    }

    long stored() {
        return jdbc.sql("select count(*) from feedback").query(Long.class).single();
    }

    @Test
    void discoversListsFilesAndFollowsARequestInJsonAndXml() throws Exception {
        // discovery, both formats mandatory
        Reply d = get("/open311/discovery.json");
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.contentType()).startsWith("application/json");
        JsonNode endpoint = d.json().get("endpoints").get(0);
        assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("formats")).extracting(JsonNode::asString).contains("text/xml", "application/json");
        String base = endpoint.get("url").asString();
        Document dx = get("/open311/discovery.xml").xml();
        assertThat(dx.getDocumentElement().getTagName()).isEqualTo("discovery");
        assertThat(text(dx.getDocumentElement(), "url")).isEqualTo(base);

        // GET Service List
        Reply services = get(base + "/services.json");
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.json().isArray()).isTrue();
        String serviceCode = services.json().get(0).get("service_code").asString();
        assertThat(services.json().get(0).get("type").asString()).isIn("realtime", "batch", "blackbox");
        Document sx = get(base + "/services.xml").xml();
        assertThat(sx.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(children(sx.getDocumentElement(), "service")).hasSize(services.json().size());

        // GET Service Definition
        Reply def = get(base + "/services/" + serviceCode + ".json");
        assertThat(def.status()).isEqualTo(200);
        assertThat(def.json().get("service_code").asString()).isEqualTo(serviceCode);
        assertThat(def.json().get("attributes")).allSatisfy(a -> {
            assertThat(a.get("code").asString()).isNotBlank();
            assertThat(a.get("datatype").asString()).isIn("string", "number", "datetime", "text", "singlevaluelist",
                    "multivaluelist");
        });
        assertThat(get(base + "/services/" + serviceCode + ".xml").xml().getDocumentElement().getTagName())
                .isEqualTo("service_definition");

        // POST Service Request
        Reply posted = postForm(base + "/requests.json",
                request(serviceCode, "Bộ phận một cửa yêu cầu nộp thêm giấy tờ không có trong danh mục thủ tục."));
        assertThat(posted.status()).as(posted.body()).isIn(200, 201);
        JsonNode created = posted.json().get(0);
        String id = created.hasNonNull("service_request_id") ? created.get("service_request_id").asString()
                : get(base + "/tokens/" + created.get("token").asString() + ".json").json().get(0)
                        .get("service_request_id").asString();
        assertThat(id).isNotBlank();

        // GET Service Request, JSON and XML
        Reply one = get(base + "/requests/" + id + ".json");
        assertThat(one.status()).isEqualTo(200);
        JsonNode req = one.json().get(0);
        assertThat(req.get("service_request_id").asString()).isEqualTo(id);
        assertThat(req.get("status").asString()).isEqualTo("open");
        assertThat(req.get("service_code").asString()).isEqualTo(serviceCode);
        assertThat(req.get("requested_datetime").asString()).matches(".*(Z|[+-]\\d\\d:\\d\\d)$");
        assertThat(req.get("expected_datetime").asString()).matches(".*(Z|[+-]\\d\\d:\\d\\d)$");
        assertThat(req.get("lat").asDouble()).isEqualTo(11.5349);
        Document ox = get(base + "/requests/" + id + ".xml").xml();
        assertThat(ox.getDocumentElement().getTagName()).isEqualTo("service_requests");
        Element xreq = children(ox.getDocumentElement(), "request").get(0);
        assertThat(text(xreq, "service_request_id")).isEqualTo(id);
        assertThat(text(xreq, "status")).isEqualTo("open");
        assertThat(text(xreq, "status_notes")).isNotBlank();

        // GET Service Requests: by id, and by service code and status
        assertThat(get(base + "/requests.json?service_request_id=" + id).json()).hasSize(1);
        JsonNode open = get(base + "/requests.json?service_code=" + serviceCode + "&status=open").json();
        assertThat(open).extracting(r -> r.get("service_request_id").asString()).contains(id);
        JsonNode closed = get(base + "/requests.json?status=closed").json();
        assertThat(closed).extracting(r -> r.get("service_request_id").asString()).doesNotContain(id);
        assertThat(children(get(base + "/requests.xml?service_request_id=" + id).xml().getDocumentElement(),
                "request")).hasSize(1);
    }

    @Test
    void aRequestWithAPhotoKeepsIt() throws Exception {
        byte[] jpeg = TestImages.jpeg();
        Reply posted = postMultipart(root() + "/open311/v2/requests.json",
                request("pakn-can-bo", "Cán bộ tiếp nhận hẹn lại nhiều lần không có lý do."), "anh.jpg", jpeg);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String id = posted.json().get(0).get("service_request_id").asString();
        assertThat(jdbc.sql("select count(*) from feedback_photo p join feedback f on f.id = p.feedback_id where f.code = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
        String token = jdbc.sql("select open311_token from feedback where code = ?").param(id).query(String.class).single();
        JsonNode t = get("/open311/v2/tokens/" + token + ".json").json().get(0);
        assertThat(t.get("service_request_id").asString()).isEqualTo(id);
        assertThat(t.get("token").asString()).isEqualTo(token);
    }

    @Test
    void badRequestsGetTheSpecsErrorsAndNothingIsStored() throws Exception {
        String url = root() + "/open311/v2/requests.xml";
        long before = stored();

        Map<String, String> noKey = request("pakn-quy-dinh", "Không có api_key");
        noKey.remove("api_key");
        Reply r = postForm(url, noKey);
        assertThat(r.status()).isEqualTo(403);
        Element errors = r.xml().getDocumentElement();
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(text(children(errors, "error").get(0), "code")).isNotBlank();
        assertThat(text(children(errors, "error").get(0), "description")).isNotBlank();

        Map<String, String> badKey = request("pakn-quy-dinh", "Sai api_key");
        badKey.put("api_key", "not-a-key");
        assertThat(postForm(url, badKey).status()).isEqualTo(403);

        Map<String, String> noService = request("pakn-quy-dinh", "Không có mã dịch vụ");
        noService.remove("service_code");
        r = postForm(root() + "/open311/v2/requests.json", noService);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get(0).get("description").asString()).contains("service_code");

        assertThat(postForm(url, request("khong-co", "Mã dịch vụ không có")).status()).isEqualTo(404);

        Map<String, String> outside = request("pakn-quy-dinh", "Vị trí ở Hà Nội");
        outside.put("lat", "21.0285");
        outside.put("long", "105.8542");
        r = postForm(root() + "/open311/v2/requests.json", outside);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get(0).get("description").asString()).startsWith("lat").contains("Bình Phước");

        Map<String, String> noPlace = request("pakn-quy-dinh", "Không có vị trí");
        noPlace.remove("lat");
        noPlace.remove("long");
        noPlace.remove("address_string");
        assertThat(postForm(url, noPlace).status()).isEqualTo(400);

        Reply notImage = postMultipart(root() + "/open311/v2/requests.json",
                request("pakn-quy-dinh", "Ảnh giả"), "anh.jpg", "<html>not a picture</html>".getBytes());
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.json().get(0).get("description").asString()).startsWith("media");

        Reply huge = postForm(url, request("pakn-quy-dinh", "x".repeat(10 * 1024 * 1024)));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.xml().getDocumentElement().getTagName()).isEqualTo("errors");

        assertThat(get("/open311/v2/requests/PA-000000-00000.json").status()).isEqualTo(404);
        assertThat(get("/open311/v2/tokens/" + UUID.randomUUID() + ".xml").status()).isEqualTo(404);
        assertThat(get("/open311/v2/services.json?jurisdiction_id=hanoi.gov.vn").status()).isEqualTo(404);
        assertThat(get("/open311/v2/requests.json?start_date=yesterday").status()).isEqualTo(400);
        assertThat(stored()).isEqualTo(before);
    }
}

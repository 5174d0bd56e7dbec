package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.Channel;
import vn.motcua.platform.outbox.OutboxEvent;

/** The JSON codec of the dossier events: payloads of the first release still decode; a round trip keeps everything. */
class DossierChangedCodecTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A payload as the first release wrote it (DossierEvents before issue 10), with its extras. */
    static final String FIRST_RELEASE = """
            {"id": 41, "code": "H10.689.25195.MC-260506-0001", "action": "APOLOGIZE", "fromStatus": "PROCESSING",
             "toStatus": "PROCESSING", "at": "2026-05-06T09:00+07:00", "actorId": 6, "actorName": "Lãnh đạo Tân Phú",
             "reason": "Cần xác minh", "status": "PROCESSING", "procedureCode": "1.004873",
             "procedureName": "Cấp Giấy xác nhận tình trạng hôn nhân", "agencyCode": "70.689.25195.MC",
             "provinceCode": "70", "districtCode": "689", "communeCode": "25195", "level": "COMMUNE",
             "channel": "ONLINE", "submittedAt": "2026-05-05T20:00+07:00", "receivedAt": "2026-05-06T08:00+07:00",
             "dueAt": "2026-05-12T10:00+07:00", "originalDueAt": "2026-05-08T10:00+07:00", "pausedAt": null,
             "finishedAt": null, "returnedAt": null, "outcome": null, "supplementCount": 0, "apologyCount": 1,
             "lateFlag": false, "digitised": false, "feeAmount": 8000, "paidAt": null, "rating": null,
             "assigneeId": 5, "currentStepRole": "SPECIALIST", "currentStepAgency": "70.689.25195.MC",
             "applicantAccountId": 2, "applicantName": "Nguyễn Văn An", "applicantEmail": "an@example.vn",
             "applicantPhone": "0912345678", "applicantIdNumber": "070090001234", "supplementStage": null,
             "resultFiles": 0, "previousDueAt": "2026-05-08T10:00+07:00"}""";

    @Test
    void anEventOfTheFirstReleaseDecodes() {
        DossierChanged e = DossierChanged.fromPayload(JSON.readTree(FIRST_RELEASE));
        assertThat(e.code()).isEqualTo("H10.689.25195.MC-260506-0001");
        assertThat(e.action()).isEqualTo(DossierAction.APOLOGIZE);
        assertThat(e.fromStatus()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(e.toStatus()).isEqualTo(DossierStatus.PROCESSING);
        assertThat(e.previousDueAt()).isEqualTo(OffsetDateTime.parse("2026-05-08T10:00+07:00"));
        DossierSnapshot d = e.dossier();
        assertThat(d.channel()).isEqualTo(Channel.ONLINE);
        assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2026-05-12T10:00+07:00"));
        assertThat(d.feeAmount()).isEqualTo(8000);
        assertThat(d.assigneeId()).isEqualTo(5);
        assertThat(d.applicantEmail()).isEqualTo("an@example.vn");
        assertThat(d.version()).as("not recorded then").isZero();
    }

    @Test
    void aRatingOfTheFirstReleaseIsARatingNotASecondReturn() {
        String rated = FIRST_RELEASE.replace("\"action\": \"APOLOGIZE\"", "\"action\": \"RETURN_RESULT\", \"rated\": true")
                .replace("\"status\": \"PROCESSING\"", "\"status\": \"RETURNED\"");
        assertThat(DossierChanged.fromPayload(JSON.readTree(rated)).action()).isEqualTo(DossierAction.RATE);
    }

    @Test
    void aRoundTripKeepsEveryField() {
        DossierChanged e = DossierChanged.fromPayload(JSON.readTree(FIRST_RELEASE));
        DossierChanged withExtras = new DossierChanged(e.dossier(), DossierAction.REQUEST_SUPPLEMENT, e.fromStatus(),
                e.at(), e.actorId(), e.actorName(), e.reason(), true, List.of("Bản sao giấy khai sinh"), "70.689.MC",
                OffsetDateTime.parse("2026-05-08T17:00+07:00"), e.previousDueAt());
        JsonNode json = JSON.valueToTree(withExtras.toPayload());
        assertThat(DossierChanged.fromPayload(json)).isEqualTo(withExtras);
        assertThat(json.get("toStatus").asString()).isEqualTo("PROCESSING");
        var outbox = new OutboxEvent(1, "dossier", e.code(), DossierChanged.TYPE, json, OffsetDateTime.now());
        assertThat(DossierChanged.of(outbox)).contains(withExtras);
        assertThat(DossierChanged.of(new OutboxEvent(2, "dossier", "x", "payment.settled", json, OffsetDateTime.now())))
                .isEmpty();
    }
}

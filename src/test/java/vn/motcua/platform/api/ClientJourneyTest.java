package vn.motcua.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.client.ApiClient;
import vn.motcua.client.ApiException;
import vn.motcua.client.api.AccountsApi;
import vn.motcua.client.api.DossiersApplicantApi;
import vn.motcua.client.api.DossiersOfficeApi;
import vn.motcua.client.api.FilesApi;
import vn.motcua.client.api.ReferenceDataApi;
import vn.motcua.client.model.ActionRequest;
import vn.motcua.client.model.Applicant;
import vn.motcua.client.model.AttachmentRef;
import vn.motcua.client.model.Component;
import vn.motcua.client.model.Detail;
import vn.motcua.client.model.Dossier;
import vn.motcua.client.model.IntakeRequest;
import vn.motcua.client.model.PageResultSummary;
import vn.motcua.client.model.Token;
import vn.motcua.client.model.TokenRequest;
import vn.motcua.client.model.UploadedFile;
import vn.motcua.test.IntegrationTest;
import vn.motcua.test.TestDossiers;

/**
 * The Java client that the build generates from the committed description (openapi-generator, docs/API-CLIENTS.md)
 * drives the main journey against the running server — search, procedure, token, upload, submit, officer accept —
 * with its own types only: no cast, no hand-written request.
 */
@IntegrationTest
class ClientJourneyTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private ApiClient client(String token) {
        ApiClient c = new ApiClient();
        c.updateBaseUri("http://127.0.0.1:" + port);
        if (token != null) {
            c.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
        }
        return c;
    }

    private String login(String username) throws ApiException {
        Token t = new AccountsApi(client(null)).identityToken(new TokenRequest().username(username).password("demo"));
        assertThat(t.getTokenType()).isEqualTo(Token.TokenTypeEnum.BEARER);
        assertThat(t.getExpiresIn()).isPositive();
        return t.getAccessToken();
    }

    @Test
    void searchProcedureTokenUploadSubmitAccept() throws Exception {
        // search the catalogue, then read the procedure
        PageResultSummary found = new ReferenceDataApi(client(null))
                .catalogProcedures("Xác nhận tình trạng hôn nhân", null, null, TestDossiers.TAN_PHU, null, 0, 20);
        assertThat(found.getItems()).extracting(s -> s.getCode()).contains(TestDossiers.MARITAL);
        Detail procedure = new ReferenceDataApi(client(null)).catalogProcedure(TestDossiers.MARITAL);
        assertThat(procedure.getName()).isNotBlank();

        // the citizen logs in and uploads a file for each required component
        String citizen = login("congdan1");
        List<AttachmentRef> attachments = new ArrayList<>();
        for (Component c : procedure.getComponents()) {
            if (Boolean.TRUE.equals(c.getRequired())) {
                File pdf = Files.write(dir.resolve(c.getCode() + ".pdf"), TestDossiers.pdf(c.getCode())).toFile();
                UploadedFile up = new FilesApi(client(citizen)).filesUpload(pdf);
                assertThat(up.getContentType()).isEqualTo("application/pdf");
                attachments.add(new AttachmentRef().componentCode(c.getCode()).fileId(up.getFileId()));
            }
        }

        // and submits
        Dossier submitted = new DossiersApplicantApi(client(citizen)).dossierSubmit(new IntakeRequest()
                        .procedureCode(TestDossiers.MARITAL).agencyCode(TestDossiers.TAN_PHU)
                        .applicant(new Applicant().type(Applicant.TypeEnum.PERSON).fullName("Vũ Thị Ngọc Trâm")
                                .idNumber("070197008821").dateOfBirth(java.time.LocalDate.of(1997, 4, 11))
                                .phone(TestDossiers.phone())
                                .email("tram.vu@example.vn").address("Số 8 đường Lê Quý Đôn, phường Tân Phú"))
                        .form(maritalForm()).attachments(attachments),
                UUID.randomUUID().toString());
        assertThat(submitted.getStatus()).isEqualTo(Dossier.StatusEnum.SUBMITTED);
        assertThat(submitted.getAllowedActions()).isNotNull();

        // the reception officer accepts it, with the version they saw
        String desk = login("tiepnhan.tanphu");
        Dossier seen = new DossiersOfficeApi(client(desk)).officeOne(submitted.getCode());
        assertThat(seen.getAllowedActions()).contains(Dossier.AllowedActionsEnum.ACCEPT);
        Dossier accepted = new DossiersOfficeApi(client(desk)).officeAct(submitted.getCode(),
                new ActionRequest().action(ActionRequest.ActionEnum.ACCEPT).version(seen.getVersion()));
        assertThat(accepted.getStatus()).isEqualTo(Dossier.StatusEnum.RECEIVED);
        assertThat(accepted.getDueAt()).isAfter(accepted.getReceivedAt());

        // the applicant sees it received; a stale version is a typed 409 problem
        Dossier mine = new DossiersApplicantApi(client(citizen)).dossierOne(submitted.getCode());
        assertThat(mine.getStatus()).isEqualTo(Dossier.StatusEnum.RECEIVED);
        ApiException stale = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () ->
                new DossiersOfficeApi(client(desk)).officeAct(submitted.getCode(),
                        new ActionRequest().action(ActionRequest.ActionEnum.ACCEPT).version(seen.getVersion())));
        assertThat(stale.getCode()).isEqualTo(409);
        assertThat(stale.getResponseHeaders().firstValue("Content-Type").orElse(""))
                .contains("application/problem+json");
    }

    /** The eForm of the marital status certificate (the first example of its schema). */
    private static Map<String, Object> maritalForm() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", "Vũ Thị Ngọc Trâm");
        person.put("birthDate", "1997-04-11");
        person.put("gender", "FEMALE");
        person.put("ethnicity", "Kinh");
        person.put("nationality", "Việt Nam");
        person.put("idNumber", "070197008821");
        person.put("residence", "Số 8 đường Lê Quý Đôn, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước");
        Map<String, Object> spouse = new LinkedHashMap<>();
        spouse.put("fullName", "Trần Quốc Bảo");
        spouse.put("birthDate", "1995-06-30");
        spouse.put("nationality", "Việt Nam");
        spouse.put("identityDocument", "070095002476");
        spouse.put("residence", "Khu phố 1, phường Long Phước, thị xã Phước Long, tỉnh Bình Phước");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("requesterRelationship", "SELF");
        form.put("person", person);
        form.put("scope", "CURRENT");
        form.put("maritalStatus", "NEVER_MARRIED");
        form.put("purpose", "MARRIAGE");
        form.put("intendedSpouse", spouse);
        form.put("marriagePlace", "Ủy ban nhân dân phường Long Phước, thị xã Phước Long, tỉnh Bình Phước");
        form.put("copies", 1);
        return form;
    }
}

package vn.motcua.dossier.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Component;
import vn.motcua.identity.Accounts;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.ProblemException;
import vn.motcua.signing.ApologyData;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Role;
import vn.motcua.signing.ComponentLine;
import vn.motcua.signing.DocumentSigner;
import vn.motcua.signing.SignedDocuments;
import vn.motcua.signing.NoticeData;
import vn.motcua.signing.OfficialDocuments;
import vn.motcua.signing.PaperSize;
import vn.motcua.signing.ReceiptData;

/**
 * The one-stop's paper forms of a dossier, rendered from its stored facts: the receipt and appointment
 * (form 01), the supplement request (02), the refusal (03), the apology (04) and the refusal after appraisal.
 */
@Service
public class DossierDocuments {

    private final DossierRepository dossiers;
    private final OfficialDocuments documents;
    private final Organization organization;
    private final Catalog catalog;
    private final Accounts accounts;
    private final MessageSource messages;
    private final String baseUrl;
    private final DocumentSigner signer;
    private final SignedDocuments register;
    private final vn.motcua.signing.DocumentVerifier verifier;
    private final vn.motcua.documents.FileStore files;
    private final java.time.ZoneId zone;

    DossierDocuments(DossierRepository dossiers, OfficialDocuments documents, Organization organization,
                     Catalog catalog, Accounts accounts, MessageSource messages,
                     @Value("${motcua.public-base-url:http://localhost:8080}") String baseUrl, DocumentSigner signer,
                     SignedDocuments register, vn.motcua.documents.FileStore files,
                     vn.motcua.signing.DocumentVerifier verifier, java.time.ZoneId zone) {
        this.zone = zone; // the province's zone: the day of a document's date line
        this.verifier = verifier;
        this.signer = signer;
        this.register = register;
        this.files = files;
        this.dossiers = dossiers;
        this.documents = documents;
        this.organization = organization;
        this.catalog = catalog;
        this.accounts = accounts;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String trackingUrl(String code) {
        return baseUrl + "/tra-cuu?ma=" + code;
    }

    public byte[] receipt(DossierRecord d, PaperSize size) {
        if (d.receivedAt() == null) {
            throw ProblemException.conflict("dossier.receipt.notYet");
        }
        Agency agency = agency(d);
        List<ComponentLine> lines = new ArrayList<>();
        var procedure = catalog.filed(d.procedureCode(), d.procedureVersion());
        Set<String> given = new LinkedHashSet<>();
        dossiers.attachments(d.id()).stream().filter(a -> a.kind().equals("INPUT") && a.componentCode() != null)
                .forEach(a -> given.add(a.componentCode()));
        for (String c : given) {
            Component comp = procedure.flatMap(p -> p.component(c)).orElse(null);
            lines.add(comp == null ? new ComponentLine(c, 1, 0)
                    : new ComponentLine(comp.name(), Math.max(comp.originals(), 0), Math.max(comp.copies(), 0)));
        }
        String officer = d.receivedBy() == null ? "" : accounts.byId(d.receivedBy()).map(a -> a.displayName()).orElse("");
        String channel = messages.getMessage("dossier.channel." + d.channel().name(), null, Locale.forLanguageTag("vi"));
        byte[] pdf = documents.receipt(new ReceiptData(d.code(), agency.name(), place(agency, d.receivedAt()),
                d.procedureName(),
                d.applicantName(), d.applicantIdNumber(), d.applicantPhone(), text(d, "address"), lines,
                d.receivedAt(), d.originalDueAt() != null ? d.originalDueAt() : d.dueAt(), officer, channel,
                trackingUrl(d.code()), size));
        return agencySigned(d.agencyCode(), pdf, DocumentSigner.Placement.below("NGƯỜI TIẾP NHẬN HỒ SƠ"));
    }

    /**
     * The result generated from the procedure's template, signed by the officer who completes the dossier (the
     * competent person) and by the agency (docs/SIGNING.md). A signature that fails throws 409 with the reason.
     */
    public byte[] signedResult(DossierRecord d, Actor actor, java.time.OffsetDateTime issuedAt, String verifyUrl) {
        byte[] pdf = result(d, actor, issuedAt, verifyUrl);
        String position = accounts.position(actor.accountId())
                .orElse(actor.has(Role.LEADER) ? "Lãnh đạo" : actor.has(Role.SPECIALIST) ? "Chuyên viên" : null);
        return signer.signAsOfficerAndAgency(new DocumentSigner.Officer(actor.username(), actor.displayName(), position),
                d.agencyCode(), pdf, DocumentSigner.Placement.above(actor.displayName()));
    }

    /**
     * The signed result, kept in the file store and entered in the register of signed documents under the key its
     * QR code carries ({@code /xac-thuc/{key}}). In the caller's transaction.
     */
    public vn.motcua.documents.StoredFile storeSignedResult(DossierRecord d, Actor actor,
                                                            java.time.OffsetDateTime issuedAt) {
        java.util.UUID key = java.util.UUID.randomUUID();
        byte[] pdf = signedResult(d, actor, issuedAt, register.verifyUrl(key));
        var f = files.storeGenerated("ket-qua-" + d.code() + ".pdf", "application/pdf", pdf);
        String agencyName = agency(d).name().strip().lines().reduce((a, b) -> b).orElse("").strip();
        register.register(new SignedDocuments.SignedDocument(key, SignedDocuments.Kind.RESULT, d.code(),
                d.agencyCode(), f.id(), f.sha256(), actor.displayName() + "; " + agencyName, issuedAt.toInstant()));
        return f;
    }

    /**
     * The result document generated from the procedure's template: the competent authority as issuer (the
     * People's Committee or the department, not the one-stop that received the dossier, which is listed among the
     * recipients), its result name as title, the legal basis, the facts of the eForm labelled block by block with
     * dates as dd/MM/yyyy, and the signer's name under their title (from their position: "Phó Chủ tịch" signs
     * "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), and a QR code to verify it.
     */
    public byte[] result(DossierRecord d, Actor signer, java.time.OffsetDateTime issuedAt, String verifyUrl) {
        Agency receiving = agency(d);
        var procedure = catalog.filed(d.procedureCode(), d.procedureVersion()).orElseThrow();
        Agency issuer = competentAuthority(receiving, procedure);
        List<vn.motcua.signing.ResultData.Line> lines = new ArrayList<>();
        lines.add(new vn.motcua.signing.ResultData.Line("Người đề nghị", d.applicantName()));
        if (d.applicantIdNumber() != null) {
            lines.add(new vn.motcua.signing.ResultData.Line("Số định danh cá nhân của người đề nghị",
                    d.applicantIdNumber()));
        }
        collect(vn.motcua.catalog.EForm.fields(procedure.formSchema(), d.form(), Locale.forLanguageTag("vi")), lines);
        String title = procedure.result() == null ? procedure.name() : procedure.result();
        int cut = title.indexOf('(');
        return documents.result(new vn.motcua.signing.ResultData(d.code(), d.code(),
                (cut > 0 ? title.substring(0, cut) : title).trim(), issuerHeader(issuer), place(receiving, issuedAt),
                procedure.legalBasis(), lines.size() > 30 ? lines.subList(0, 30) : lines, d.applicantName(),
                signer.displayName(), signerTitle(accounts.position(signer.accountId()).orElse(null)), issuedAt,
                verifyUrl, PaperSize.A4, issuer.code().equals(receiving.code()) ? null : receiving.name()));
    }

    /**
     * Who decides a dossier received by a one-stop section: an agency of the same unit that the procedure names
     * (e.g. Sở Tư pháp for a dossier received by the provincial centre), else the People's Committee the one-stop
     * belongs to. An agency that is not a one-stop decides what it receives.
     */
    Agency competentAuthority(Agency receiving, vn.motcua.catalog.Procedure procedure) {
        if (!receiving.isOneStop()) {
            return receiving;
        }
        for (Agency a : organization.agencies(receiving.unitCode())) {
            if (!a.isOneStop() && catalog.canReceive(procedure, a)) {
                return a;
            }
        }
        return receiving.parentCode() == null ? receiving
                : organization.agency(receiving.parentCode()).orElse(receiving);
    }

    /** The issuer as the header prints it: a department under its People's Committee, a committee alone. */
    private String issuerHeader(Agency issuer) {
        if (issuer.parentCode() != null && !"people_committee".equals(issuer.kind())) {
            var parent = organization.agency(issuer.parentCode()).orElse(null);
            if (parent != null && "people_committee".equals(parent.kind())) {
                return parent.name() + "\n" + issuer.name();
            }
        }
        return issuer.name();
    }

    /**
     * The title over a signature from the signer's position (Decree 30/2020/NĐ-CP): a deputy signs for the head
     * ("Phó Chủ tịch" → "KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH"); null (the heading of the agency) when not recorded.
     */
    static String signerTitle(String position) {
        if (position == null || position.isBlank()) {
            return null;
        }
        String p = position.strip();
        if (p.regionMatches(true, 0, "Phó ", 0, 4) && p.length() > 4) {
            return "KT. " + p.substring(4) + "\n" + p;
        }
        return p;
    }

    /**
     * The filled fields as label/value lines; each block (a group, a row of a list) under a heading naming it, so
     * two "Họ, chữ đệm, tên" say whose they are.
     */
    private static void collect(List<vn.motcua.catalog.EFormField> fields, List<vn.motcua.signing.ResultData.Line> out) {
        for (var f : fields) {
            if (f.widget().equals("group")) {
                List<vn.motcua.signing.ResultData.Line> inner = new ArrayList<>();
                collect(f.children(), inner);
                if (!inner.isEmpty()) {
                    out.add(vn.motcua.signing.ResultData.Line.heading(f.label()));
                    out.addAll(inner);
                }
            } else if (f.widget().equals("list")) {
                collect(f.children(), out);
            } else if (f.value() != null && !f.value().isBlank()) {
                out.add(new vn.motcua.signing.ResultData.Line(f.label(), f.displayValue()));
            }
        }
    }

    /** A notice by kind: supplement, refusal, rejection, apology. */
    public byte[] notice(DossierRecord d, String kind, PaperSize size) {
        Agency agency = agency(d);
        var history = dossiers.history(d.id());
        String action = switch (kind) {
            case "supplement" -> "REQUEST_SUPPLEMENT";
            case "refusal" -> "REFUSE";
            case "rejection" -> "REJECT";
            case "apology" -> "APOLOGIZE";
            default -> throw ProblemException.notFound("dossier.notice.none");
        };
        HistoryEntry h = history.stream().filter(e -> e.action().equals(action)).reduce((a, b) -> b)
                .orElseThrow(() -> ProblemException.notFound("dossier.notice.none"));
        if (kind.equals("apology")) {
            return agencySigned(d.agencyCode(), documents.apology(new ApologyData(d.code(), agency.name(),
                    place(agency, h.at()), d.procedureName(), d.applicantName(), d.receivedAt(), d.originalDueAt(),
                    d.dueAt(),
                    h.reason(), h.at(), h.actorName(), "", trackingUrl(d.code()), size)),
                    DocumentSigner.Placement.above(h.actorName()));
        }
        List<String> items = kind.equals("supplement") ? dossiers.lastSupplementItems(d.id()) : List.of();
        NoticeData data = new NoticeData(d.code(), agency.name(), place(agency, h.at()), d.procedureName(),
                d.applicantName(),
                h.at(), h.reason(), items, h.actorName(), trackingUrl(d.code()), size);
        return switch (kind) {
            case "supplement" -> agencySigned(d.agencyCode(), documents.supplementRequest(data),
                    DocumentSigner.Placement.below("NGƯỜI HƯỚNG DẪN"));
            case "refusal" -> agencySigned(d.agencyCode(), documents.receptionRefusal(data),
                    DocumentSigner.Placement.below("NGƯỜI TIẾP NHẬN HỒ SƠ"));
            default -> agencySigned(d.agencyCode(), documents.rejection(data),
                    DocumentSigner.Placement.above(h.actorName()));
        };
    }

    /**
     * The slip given to a walk-in at the counter: form 02 (what to add, once, completely) or form 03 (refusal with
     * the reason). No dossier code: none was used.
     */
    public byte[] deskNotice(DeskLog.Visit v, PaperSize size) {
        Agency agency = organization.agency(v.agencyCode()).orElseThrow();
        NoticeData data = new NoticeData("", agency.name(), place(agency, v.at()), v.procedureName(),
                v.applicantName(),
                v.at(), v.reason(), v.items(), v.officerName(), null, size);
        return "GUIDANCE".equals(v.form())
                ? agencySigned(v.agencyCode(), documents.supplementRequest(data),
                        DocumentSigner.Placement.below("NGƯỜI HƯỚNG DẪN"))
                : agencySigned(v.agencyCode(), documents.receptionRefusal(data),
                        DocumentSigner.Placement.below("NGƯỜI TIẾP NHẬN HỒ SƠ"));
    }

    /** How many of the uploaded result files are PDFs with intact signatures (signed outside, e.g. on a token). */
    public int signedUploads(List<java.util.UUID> fileIds) {
        int n = 0;
        for (var id : fileIds) {
            var f = files.find(id).orElse(null);
            if (f != null && "application/pdf".equals(f.contentType())) {
                var verdict = files.content(id).map(verifier::verify).map(v -> v.verdict()).orElse(null);
                if (verdict == vn.motcua.signing.VerificationReport.Verdict.VALID
                        || verdict == vn.motcua.signing.VerificationReport.Verdict.UNTRUSTED) {
                    n++;
                }
            }
        }
        return n;
    }

    /** A paper form signed by the agency; unsigned (to sign by hand) when the agency has no key configured. */
    private byte[] agencySigned(String agencyCode, byte[] pdf, DocumentSigner.Placement placement) {
        return signer.hasAgencyKey(agencyCode) ? signer.signAsAgency(agencyCode, pdf, placement) : pdf;
    }

    private Agency agency(DossierRecord d) {
        return organization.agency(d.agencyCode()).orElseThrow();
    }

    /** The place in the date line of a document dated {@code at}: {@link Organization#placeName}. */
    private String place(Agency agency, java.time.OffsetDateTime at) {
        return organization.placeName(agency, at == null ? null : at.atZoneSameInstant(zone).toLocalDate());
    }

    private static String text(DossierRecord d, String field) {
        var v = d.applicant().get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

}

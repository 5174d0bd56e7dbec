package vn.motcua.signing.internal;

import java.io.IOException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.platform.ProblemException;
import vn.motcua.signing.DocumentSigner;

/**
 * {@link DocumentSigner} with the keys of the {@link KeyRing}: checks that the certificate is valid now (Circular
 * 15/2025: before signing), then adds the PAdES signature(s) with their Decree 30/2020 appearance.
 */
@Service
@EnableConfigurationProperties(SigningProperties.class)
class PdfDocumentSigner implements DocumentSigner {

    private static final Log audit = LogFactory.getLog("vn.motcua.audit");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss XXX");
    private static final float MM = 72f / 25.4f;

    private final KeyRing keys;
    private final Organization organization;
    private final Clock clock;
    private final TimestampClient tsa;
    /** The province's time zone (the calendar's): signing times are printed and dated in it. */
    private final ZoneId zone;

    PdfDocumentSigner(KeyRing keys, Organization organization, Clock clock, SigningProperties props, ZoneId zone) {
        this.zone = zone;
        this.keys = keys;
        this.organization = organization;
        this.clock = clock;
        this.tsa = props.tsaUrl() == null || props.tsaUrl().isBlank() ? null
                : new TimestampClient(props.tsaUrl(), props.tsaTimeout());
    }

    @Override
    public boolean hasAgencyKey(String agencyCode) {
        return keys.hasAgencyKey(agencyCode);
    }

    @Override
    public byte[] signAsAgency(String agencyCode, byte[] pdf, Placement placement) {
        Agency agency = agency(agencyCode);
        SigningKey key = keys.agency(agencyCode, issuer(agency));
        Instant now = checked(key.certificate(), clock.instant());
        byte[] seal = SealImages.seal(key.sealImage(), issuer(agency));
        List<String> lines = List.of("Ký bởi: " + commonName(key.certificate()), "Cơ quan: " + issuer(agency),
                "Thời gian ký: " + TIME.format(now.atZone(zone)));
        return sign(pdf, RawSigner.local(key), new PadesSigner.Meta(commonName(key.certificate()),
                "Chữ ký số của cơ quan, tổ chức", issuer(agency), now.atZone(zone)), doc -> {
            int page = doc.getNumberOfPages() - 1;
            PDRectangle box = place(doc, page, placement, 68 * MM, 17 * MM * scale(doc, page));
            return new PadesSigner.Placed(page, new Appearance.Spec(box, lines, seal, false));
        }, "agency " + agencyCode);
    }

    @Override
    public byte[] signAsOfficer(Officer officer, String agencyCode, byte[] pdf, Placement placement) {
        return officerSignature(officer, agencyCode, pdf, placement).pdf();
    }

    /** The officer's signed PDF, and where its appearance went (the seal overlaps it). */
    private record Signed(byte[] pdf, int page, PDRectangle box, Instant at) {
    }

    private Signed officerSignature(Officer officer, String agencyCode, byte[] pdf, Placement placement) {
        try {
            return officerSignatureOf(officer, agencyCode, pdf, placement);
        } catch (RemoteSigningException e) {
            audit.info("signing as officer " + officer.username() + " failed: " + e.reasonKey());
            throw Failures.failed(e.reasonKey());
        }
    }

    private Signed officerSignatureOf(Officer officer, String agencyCode, byte[] pdf, Placement placement) {
        Agency agency = agency(agencyCode);
        RawSigner personal = keys.officerSigner(officer.username(), officer.name(), issuer(agency), clock);
        Instant now = checked(personal.chain().getFirst(), clock.instant());
        List<String> lines = new ArrayList<>();
        lines.add(commonName(personal.chain().getFirst()));
        if (officer.position() != null && !officer.position().isBlank()) {
            lines.add("Chức vụ: " + officer.position());
        }
        lines.add("Cơ quan: " + issuer(agency));
        lines.add("Thời gian ký: " + TIME.format(now.atZone(zone)));
        PDRectangle[] officerBox = new PDRectangle[1];
        int[] officerPage = new int[1];
        byte[] signed = sign(pdf, personal, new PadesSigner.Meta(commonName(personal.chain().getFirst()),
                "Người có thẩm quyền ký", issuer(agency), now.atZone(zone)), doc -> {
            int page = doc.getNumberOfPages() - 1;
            float s = scale(doc, page);
            officerBox[0] = place(doc, page, placement, 62 * MM * s, 18 * MM * s);
            officerPage[0] = page;
            return new PadesSigner.Placed(page, new Appearance.Spec(officerBox[0], lines, null, false));
        }, "officer " + officer.username());
        return new Signed(signed, officerPage[0], officerBox[0], now);
    }

    @Override
    public byte[] signAsOfficerAndAgency(Officer officer, String agencyCode, byte[] pdf, Placement placement) {
        Agency agency = agency(agencyCode);
        SigningKey seal = keys.agency(agencyCode, issuer(agency));
        checked(seal.certificate(), clock.instant());
        Signed once = officerSignature(officer, agencyCode, pdf, placement);
        byte[] sealImage = SealImages.seal(seal.sealImage(), issuer(agency));
        return sign(once.pdf(), RawSigner.local(seal), new PadesSigner.Meta(commonName(seal.certificate()),
                "Chữ ký số của cơ quan, tổ chức", issuer(agency), once.at().atZone(zone)), doc -> {
            // the seal overlaps about a third of the signer's appearance, on its left (Decree 30/2020, Annex I)
            PDRectangle o = once.box();
            float side = o.getHeight() * 1.3f;
            float right = o.getLowerLeftX() + o.getWidth() / 3;
            PDRectangle box = new PDRectangle(right - side, o.getLowerLeftY() + (o.getHeight() - side) / 2, side, side);
            return new PadesSigner.Placed(once.page(), new Appearance.Spec(box, List.of(), sealImage, true));
        }, "agency " + agencyCode);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private byte[] sign(byte[] pdf, RawSigner signer, PadesSigner.Meta meta,
                        java.util.function.Function<PDDocument, PadesSigner.Placed> visible, String who) {
        try {
            byte[] signed = PadesSigner.sign(pdf, signer, meta, visible, tsa);
            audit.info("signed a PDF as " + who + (tsa != null ? " with a timestamp" : ""));
            return signed;
        } catch (ProblemException e) {
            throw e;
        } catch (RemoteSigningException e) {
            audit.info("signing as " + who + " failed: " + e.reasonKey());
            throw Failures.failed(e.reasonKey());
        } catch (IOException e) {
            audit.info("signing as " + who + " failed: " + e.getMessage());
            Throwable cause = e.getCause();
            if (cause instanceof RemoteSigningException r) {
                throw Failures.failed(r.reasonKey());
            }
            throw Failures.failed(causedBy(e, TimestampClient.TimestampException.class)
                    ? "signing.reason.tsa" : "signing.reason.notPdf");
        } catch (RuntimeException e) {
            if (e.getCause() instanceof RemoteSigningException r) {
                throw Failures.failed(r.reasonKey());
            }
            throw e;
        }
    }

    /** The certificate must be valid at the signing moment; returns that moment. */
    private Instant checked(X509Certificate cert, Instant now) {
        try {
            cert.checkValidity(Date.from(now));
            return now;
        } catch (CertificateExpiredException e) {
            throw Failures.failed("signing.reason.expired", TIME.format(cert.getNotAfter().toInstant().atZone(zone)));
        } catch (CertificateNotYetValidException e) {
            throw Failures.failed("signing.reason.notYetValid",
                    TIME.format(cert.getNotBefore().toInstant().atZone(zone)));
        }
    }

    private Agency agency(String code) {
        return organization.agency(code).orElseThrow(() -> Failures.failed("signing.reason.noKey"));
    }

    /** The issuing agency: the last line of the name (the parent agency comes first). */
    static String issuer(Agency agency) {
        return agency.name().strip().lines().reduce((a, b) -> b).orElse(agency.name()).strip();
    }

    static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            // fall through
        }
        return cert.getSubjectX500Principal().getName();
    }

    /** 1 on A4, smaller on smaller paper. */
    private static float scale(PDDocument doc, int page) {
        return Math.min(1f, doc.getPage(page).getMediaBox().getWidth() / PDRectangle.A4.getWidth());
    }

    /** The box centred above or below the anchor's line, else at the bottom right of the page. */
    private static PDRectangle place(PDDocument doc, int page, Placement placement, float width, float height) {
        PDRectangle media = doc.getPage(page).getMediaBox();
        float s = scale(doc, page);
        width = Math.min(width * s / Math.max(s, 0.01f), media.getWidth() * 0.45f);
        PDRectangle anchor = null;
        try {
            anchor = placement == null ? null : TextLocator.find(doc, page, placement.anchor());
        } catch (IOException e) {
            anchor = null;
        }
        if (anchor == null) {
            return new PDRectangle(media.getWidth() - 15 * MM * s - width, 16 * MM * s, width, height);
        }
        float cx = anchor.getLowerLeftX() + anchor.getWidth() / 2;
        float x = Math.max(4, Math.min(media.getWidth() - width - 4, cx - width / 2));
        float y = placement.below()
                ? anchor.getLowerLeftY() - anchor.getHeight() * 2.6f - height
                : anchor.getLowerLeftY() + anchor.getHeight() + 1.5f;
        return new PDRectangle(x, Math.max(4, y), width, height);
    }
}

package vn.motcua.signing.internal;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.documents.FileStore;
import vn.motcua.signing.SignedDocuments;

/** {@link SignedDocuments} in PostgreSQL; the PDFs stay in the documents module's file store. */
@Repository
class JdbcSignedDocuments implements SignedDocuments {

    private final JdbcClient jdbc;
    private final FileStore files;
    private final String baseUrl;

    JdbcSignedDocuments(JdbcClient jdbc, FileStore files,
                        @Value("${motcua.public-base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.files = files;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void register(SignedDocument d) {
        jdbc.sql("""
                insert into signed_document (id, kind, dossier_code, agency_code, file_id, sha256, signers, signed_at)
                values (:id, :kind, :dossier, :agency, :file, :sha, :signers, :at)""")
                .param("id", d.id()).param("kind", d.kind().name()).param("dossier", d.dossierCode())
                .param("agency", d.agencyCode()).param("file", d.fileId()).param("sha", d.sha256())
                .param("signers", d.signers()).param("at", Timestamp.from(d.signedAt())).update();
    }

    @Override
    public Optional<SignedDocument> find(UUID id) {
        return jdbc.sql("select * from signed_document where id = :id").param("id", id)
                .query((rs, i) -> new SignedDocument(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
                        rs.getString("dossier_code"), rs.getString("agency_code"), rs.getObject("file_id", UUID.class),
                        rs.getString("sha256"), rs.getString("signers"), rs.getTimestamp("signed_at").toInstant()))
                .optional();
    }

    @Override
    public Optional<byte[]> content(UUID id) {
        return find(id).flatMap(d -> files.content(d.fileId()));
    }

    @Override
    public String verifyUrl(UUID id) {
        return baseUrl + "/xac-thuc/" + id;
    }
}

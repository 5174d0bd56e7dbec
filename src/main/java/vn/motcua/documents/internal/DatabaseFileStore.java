package vn.motcua.documents.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.motcua.documents.FileStore;
import vn.motcua.documents.StoredFile;
import vn.motcua.platform.ProblemException;

/** Files in PostgreSQL: one {@code file_blob} per distinct SHA-256, any number of named {@code stored_file}s. */
@Service
class DatabaseFileStore implements FileStore {

    private final JdbcClient jdbc;
    private final long maxBytes;

    private final vn.motcua.platform.limits.RateLimits limits;

    DatabaseFileStore(JdbcClient jdbc, @Value("${motcua.files.max-size:10MB}") DataSize maxSize,
                      vn.motcua.platform.limits.RateLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.maxBytes = maxSize.toBytes();
    }

    @Override
    @Transactional
    public StoredFile store(Long ownerId, String name, byte[] content) {
        // uploads per account (issue 17): a 429 with Retry-After past the limit, docs/SECURITY.md
        limits.check(vn.motcua.platform.limits.LimitKind.UPLOAD, ownerId == null ? "anonymous" : "account:" + ownerId);
        String clean = cleanName(name);
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("file", "error.file.empty");
        }
        if (content.length > maxBytes) {
            throw ProblemException.invalid("file", "error.file.tooLargeLimit", maxBytes / (1024 * 1024));
        }
        String type = ContentTypes.sniff(content)
                .orElseThrow(() -> ProblemException.invalid("file", "error.file.type"));
        if (!ContentTypes.EXTENSIONS.get(type).contains(ContentTypes.extension(clean))) {
            throw ProblemException.invalid("file", "error.file.mismatch", clean);
        }
        return insert(ownerId, clean, type, content, false);
    }

    @Override
    @Transactional
    public StoredFile storeGenerated(String name, String contentType, byte[] content) {
        return insert(null, cleanName(name), contentType, content, true);
    }

    private StoredFile insert(Long ownerId, String name, String type, byte[] content, boolean attached) {
        String sha = sha256(content);
        jdbc.sql("insert into file_blob (sha256, size, content) values (:sha, :size, :content) on conflict do nothing")
                .param("sha", sha).param("size", content.length).param("content", content).update();
        UUID id = UUID.randomUUID();
        return jdbc.sql("""
                insert into stored_file (id, sha256, name, content_type, size, owner_id, attached_at)
                values (:id, :sha, :name, :type, :size, :owner, case when :attached then now() end)
                returning id, name, content_type, size, sha256, owner_id, created_at, attached_at""")
                .param("id", id).param("sha", sha).param("name", name).param("type", type)
                .param("size", content.length).param("owner", ownerId).param("attached", attached)
                .query(this::map).single();
    }

    @Override
    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql("select id, name, content_type, size, sha256, owner_id, created_at, attached_at"
                        + " from stored_file where id = :id")
                .param("id", id).query(this::map).optional();
    }

    @Override
    public List<StoredFile> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name, content_type, size, sha256, owner_id, created_at, attached_at"
                        + " from stored_file where id in (:ids)")
                .param("ids", ids).query(this::map).list();
    }

    @Override
    public Optional<byte[]> content(UUID id) {
        return jdbc.sql("select b.content from stored_file f join file_blob b on b.sha256 = f.sha256 where f.id = :id")
                .param("id", id).query((rs, i) -> rs.getBytes(1)).optional();
    }

    @Override
    @Transactional
    public void markAttached(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("update stored_file set attached_at = coalesce(attached_at, now()) where id in (:ids)")
                    .param("ids", ids).update();
        }
    }

    /** Deletes uploads never attached within the window, and blobs no file refers to any more. */
    @Transactional
    int cleanUp(java.time.Duration window) {
        int files = jdbc.sql("""
                delete from stored_file where attached_at is null
                and created_at < now() - make_interval(secs => :s)""")
                .param("s", window.toSeconds()).update();
        jdbc.sql("""
                delete from file_blob b where not exists (select 1 from stored_file f where f.sha256 = b.sha256)""")
                .update();
        return files;
    }

    private StoredFile map(ResultSet rs, int i) throws SQLException {
        long owner = rs.getLong("owner_id");
        return new StoredFile(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("content_type"),
                rs.getLong("size"), rs.getString("sha256"), rs.wasNull() ? null : owner,
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("attached_at", OffsetDateTime.class));
    }

    static String cleanName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|*?:]", "").trim();
        if (n.isEmpty()) {
            n = "tep";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

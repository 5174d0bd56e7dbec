package vn.motcua.documents;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The documents module's API. */
public interface FileStore {

    /**
     * Stores an upload after checking it: allowed type recognised from the content (not the name), the name's
     * extension agrees with the content, and the size is within the limit. Bad files are a 400 naming {@code file}.
     */
    StoredFile store(Long ownerId, String name, byte[] content);

    /** Stores a file the system generated (a PDF notice, a result), already attached. */
    StoredFile storeGenerated(String name, String contentType, byte[] content);

    Optional<StoredFile> find(UUID id);

    List<StoredFile> findAll(Collection<UUID> ids);

    Optional<byte[]> content(UUID id);

    /** Marks files as used by a dossier, so the clean-up keeps them. */
    void markAttached(Collection<UUID> ids);
}

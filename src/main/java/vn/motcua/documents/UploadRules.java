package vn.motcua.documents;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be, for pages to check before sending (static/js/motcua.js reads the {@code data-max-bytes}
 * and {@code accept} attributes of a file input). The file store checks again on the server, by content; it
 * stays the authority. Pages get it as the model attributes {@code uploadMaxBytes} and {@code uploadMaxMegabytes}.
 */
@Component
public class UploadRules {

    /** The {@code accept} attribute of a file input: the types {@link FileStore#store} takes. */
    public static final String ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

    private final long maxBytes;

    UploadRules(@Value("${motcua.files.max-size:10MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The limit in whole megabytes, as messages state it. */
    public long maxMegabytes() {
        return maxBytes / (1024 * 1024);
    }

    public String accept() {
        return ACCEPT;
    }
}

package vn.motcua.documents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.NonNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.documents.FileStore;
import vn.motcua.documents.StoredFile;
import vn.motcua.platform.Actor;
import vn.motcua.platform.ProblemException;

/** Uploads (citizens and officers). Files of a dossier are downloaded through the dossier's endpoints. */
@RestController
@RequestMapping("/api/v1/files")
@Tag(name = "Files")
class FilesApi {

    private final FileStore files;

    FilesApi(FileStore files) {
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a PDF, JPEG or PNG (type checked by content, size-limited)")
    Uploaded upload(Actor actor, @RequestParam("file") MultipartFile file) throws IOException {
        return view(files.store(actor.accountId(), file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Download one of your own uploads")
    ResponseEntity<byte[]> download(Actor actor, @PathVariable UUID id) {
        StoredFile f = files.find(id).filter(x -> x.ownerId() != null && x.ownerId() == actor.accountId())
                .orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        byte[] content = files.content(id).orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.inline()
                        .filename(f.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    /** An upload as the API answers it: give {@code fileId} in a dossier's attachments. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "UploadedFile")
    record Uploaded(@NonNull UUID fileId, @NonNull String name, long size, @NonNull String contentType,
                    @NonNull String sha256) {
    }

    static Uploaded view(StoredFile f) {
        return new Uploaded(f.id(), f.name(), f.size(), f.contentType(), f.sha256());
    }
}

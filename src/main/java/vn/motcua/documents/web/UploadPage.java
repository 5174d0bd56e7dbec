package vn.motcua.documents.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.documents.FileStore;
import vn.motcua.platform.Actor;

/**
 * Uploads from pages (logged-in session, CSRF token in the X-CSRF-TOKEN header): the progress-bar upload of
 * static/js/motcua.js posts here and gets {fileId, name, size, contentType, sha256}, or a problem.
 */
@RestController
class UploadPage {

    private final FileStore files;

    UploadPage(FileStore files) {
        this.files = files;
    }

    @PostMapping(path = "/tai-len", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    FilesApi.Uploaded upload(Actor actor, @RequestParam("file") MultipartFile file) throws IOException {
        return FilesApi.view(files.store(actor.accountId(), file.getOriginalFilename(), file.getBytes()));
    }
}

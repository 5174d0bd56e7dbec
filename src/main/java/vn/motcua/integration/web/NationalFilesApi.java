package vn.motcua.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.documents.FileStore;
import vn.motcua.dossier.DossierContent;
import vn.motcua.dossier.DossierContents;
import vn.motcua.integration.internal.NationalFileLinks;
import vn.motcua.platform.ProblemException;

/** The files of a dossier for the national portal, through the signed links sent with the dossier record. */
@RestController
@RequestMapping("/api/v1/public/national-files")
@Tag(name = "National portal")
class NationalFilesApi {

    private final NationalFileLinks links;
    private final DossierContents dossiers;
    private final FileStore files;

    NationalFilesApi(NationalFileLinks links, DossierContents dossiers, FileStore files) {
        this.links = links;
        this.dossiers = dossiers;
        this.files = files;
    }

    @GetMapping("/{code}/{fileId}")
    @Operation(summary = "A dossier's document or result, by the signed link given to the national portal")
    ResponseEntity<byte[]> file(@PathVariable String code, @PathVariable UUID fileId,
                                @RequestParam(required = false) String sig) {
        if (!links.valid(code, fileId, sig)) {
            throw ProblemException.notFound("error.file.notFound");
        }
        DossierContent.Document doc = dossiers.of(code).stream().flatMap(d -> d.documents().stream())
                .filter(d -> d.fileId().equals(fileId) && d.kind() != DossierContent.DocumentKind.NOTICE)
                .findFirst().orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        byte[] content = files.content(fileId).orElseThrow(() -> ProblemException.notFound("error.file.notFound"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(doc.contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(doc.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }
}

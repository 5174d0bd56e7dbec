package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import vn.motcua.documents.FileStore;
import vn.motcua.documents.StoredFile;
import vn.motcua.organization.Agency;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitLevel;
import vn.motcua.organization.UnitPath;
import vn.motcua.platform.Actor;
import vn.motcua.platform.FieldProblem;
import vn.motcua.platform.ProblemException;
import vn.motcua.platform.text.TextNormalizer;

/** What the officers' pages share: request parameters, uploads without JavaScript, problems, agencies. */
@Component
class OfficePageSupport {

    private static final Pattern INDEX = Pattern.compile("\\.(\\d+)(?=\\.|$)");
    static final int MAX_AGENCY_OPTIONS = 50;

    private final FileStore files;
    private final Organization organization;
    private final MessageSource messages;

    OfficePageSupport(FileStore files, Organization organization, MessageSource messages) {
        this.files = files;
        this.organization = organization;
        this.messages = messages;
    }

    /** A request parameter, trimmed; null when absent or blank. */
    static String param(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static UUID uuid(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A file part of a multipart request, when one was chosen. */
    static MultipartFile part(HttpServletRequest request, String name) {
        MultipartHttpServletRequest m = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (m == null) {
            return null;
        }
        MultipartFile f = m.getFile(name);
        return f == null || f.isEmpty() ? null : f;
    }

    /**
     * The file for an upload field: a file sent with the form (the page without JavaScript) is stored now; else
     * the id of the file uploaded earlier with the progress bar ({@code fileId.X}). Problems of the sent file
     * are added under {@code field}.
     */
    UUID upload(Actor actor, HttpServletRequest request, String fileParam, String idParam, String field,
                List<FieldProblem> problems) {
        MultipartFile part = part(request, fileParam);
        if (part != null) {
            try {
                return files.store(actor.accountId(), part.getOriginalFilename(), part.getBytes()).id();
            } catch (ProblemException e) {
                for (FieldProblem p : e.errors()) {
                    problems.add(new FieldProblem(field, p.messageKey(), p.args(), p.message()));
                }
                if (e.errors().isEmpty()) {
                    problems.add(FieldProblem.of(field, e.detailKey(), e.args()));
                }
            } catch (IOException e) {
                problems.add(FieldProblem.of(field, "office.upload.failed"));
            }
        }
        return uuid(param(request, idParam));
    }

    /** The caller's own uploads among {@code ids}, to show their names again on a form. */
    Map<UUID, StoredFile> ownFiles(Actor actor, List<UUID> ids) {
        Map<UUID, StoredFile> out = new java.util.LinkedHashMap<>();
        files.findAll(ids.stream().filter(java.util.Objects::nonNull).toList()).stream()
                .filter(f -> f.ownerId() != null && f.ownerId() == actor.accountId() && f.attachedAt() == null)
                .forEach(f -> out.put(f.id(), f));
        return out;
    }

    /** Field names as the inputs are named: {@code form.members.0.fullName} becomes {@code form.members[0].fullName}. */
    static String inputName(String field) {
        return field == null ? null : INDEX.matcher(field).replaceAll("[$1]");
    }

    /** The HTML id of an input name, as the eForm renderer makes it. */
    static String inputId(String name) {
        return name == null ? "" : name.replaceAll("[.\\[\\]]+", "-").replaceAll("-$", "");
    }

    /** A line of an error summary: the id of the input it is about and the worded problem. */
    record Summary(String anchor, String text) {
    }

    /** The error summary of a form: every problem, worded, linking to its input. */
    List<Summary> summary(List<FieldProblem> problems, Locale locale) {
        List<Summary> out = new ArrayList<>();
        for (FieldProblem p : problems) {
            String field = p.field();
            out.add(new Summary(field == null || field.isBlank() ? "main" : inputId(field), text(p, locale)));
        }
        return out;
    }

    String text(FieldProblem p, Locale locale) {
        return p.message() != null ? p.message()
                : messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale);
    }

    String text(ProblemException e, Locale locale) {
        return messages.getMessage(e.detailKey(), e.args(), e.detailKey(), locale);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /**
     * Agencies an officer may choose for a consultation or an inter-agency transfer: with a search text, the
     * agencies whose name or code matches (diacritics optional); without, the province's agencies and those of
     * the officer's district and commune. Never the officer's own agency; at most {@link #MAX_AGENCY_OPTIONS}.
     */
    List<Agency> agencyChoices(Actor actor, String query) {
        String own = actor.agencyCode();
        List<Agency> all = organization.allAgencies().stream().filter(a -> !a.code().equals(own)).toList();
        List<Agency> out = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            List<String> words = TextNormalizer.words(query.length() > 100 ? query.substring(0, 100) : query);
            for (Agency a : all) {
                String hay = TextNormalizer.fold(a.name()) + " " + TextNormalizer.fold(a.code());
                if (words.stream().allMatch(hay::contains)) {
                    out.add(a);
                }
            }
        } else {
            UnitPath mine = organization.agency(own).map(organization::pathOf)
                    .orElse(new UnitPath(null, null, null));
            for (Agency a : all) {
                if (a.level() == UnitLevel.PROVINCE || mine.within(a.unitCode())) {
                    out.add(a);
                }
            }
        }
        out.sort(Comparator.comparing((Agency a) -> a.level().ordinal()).thenComparing(Agency::name));
        return out.size() > MAX_AGENCY_OPTIONS ? out.subList(0, MAX_AGENCY_OPTIONS) : out;
    }
}

package vn.motcua.dossier;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.motcua.catalog.FeeQuote;

/**
 * What a dossier holds beyond its {@link DossierSnapshot}: the applicant as filed, the documents, the supplement
 * requests and the history, for modules that report a dossier to another system (the national portal, DOMAIN.md
 * §3.1). Read through {@link DossierContents}.
 *
 * @param applicant   the applicant as filed (a person or an organisation)
 * @param documents   every document attached, in the order attached
 * @param supplements the supplement requests, oldest first
 * @param history     the history, oldest first
 * @param feeQuote    the catalogue's quote at intake (null for dossiers filed before quotes were kept)
 */
public record DossierContent(String code, Applicant applicant, List<Document> documents, List<Supplement> supplements,
                             List<Step> history, FeeQuote feeQuote) {

    public DossierContent {
        documents = List.copyOf(documents);
        supplements = List.copyOf(supplements);
        history = List.copyOf(history);
    }

    /** The documents of one kind. */
    public List<Document> documents(DocumentKind kind) {
        return documents.stream().filter(d -> d.kind() == kind).toList();
    }

    /**
     * INPUT: filed with the application; SUPPLEMENT: added on a request; RESULT: the result; NOTICE: a notice;
     * WITHDRAWAL: the applicant's written request to withdraw (đơn rút hồ sơ), scanned at the counter.
     */
    public enum DocumentKind {
        INPUT, SUPPLEMENT, RESULT, NOTICE, WITHDRAWAL
    }

    /**
     * A document of the dossier.
     *
     * @param componentCode the procedure's component it stands for (thành phần hồ sơ), if any
     * @param digitised     a paper document scanned at the counter
     */
    public record Document(DocumentKind kind, String componentCode, UUID fileId, String name, String contentType,
                           boolean digitised, OffsetDateTime addedAt) {
    }

    /**
     * A supplement request and, once supplied, its answer.
     *
     * @param stage       RECEPTION or PROCESSING
     * @param requestedBy the officer who asked (name as in the history)
     * @param suppliedAt  null while waiting
     * @param suppliedTo  who recorded the supply (the applicant online, or the one-stop officer)
     * @param documents   what was supplied
     */
    public record Supplement(long id, String stage, OffsetDateTime requestedAt, String requestedBy, String reason,
                             List<String> items, OffsetDateTime suppliedAt, String suppliedTo, String note,
                             List<Document> documents) {

        public Supplement {
            items = List.copyOf(items);
            documents = List.copyOf(documents);
        }
    }

    /**
     * A line of the history.
     *
     * @param actorRole  the role the actor acted in (RECEPTION, SPECIALIST, LEADER, CITIZEN …), if known
     * @param agencyCode the agency the actor acted for, if any
     * @param step       the processing step's name, if any
     * @param dueAt      the due moment after the action
     */
    public record Step(OffsetDateTime at, String actorName, String actorRole, String agencyCode, DossierAction action,
                       DossierStatus fromStatus, DossierStatus toStatus, String step, String reason,
                       OffsetDateTime dueAt) {
    }
}

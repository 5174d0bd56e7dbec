package vn.motcua.catalog;

import java.time.LocalDate;
import java.util.List;
import vn.motcua.platform.Channel;

/**
 * The facts a fee depends on. {@link Catalog#feeInputs} reads them from a dossier's eForm; the payment and
 * certification modules may build them directly.
 *
 * @param documents   documents to certify: pages of the original and copies wanted (PER_PAGE rows)
 * @param copies      copies requested (PER_COPY rows); null: the schedule's default
 * @param persons     persons on the application (PER_PERSON rows); null: 1
 * @param eventDate   the date of the registered event (birth, death); null: taken as registered on time
 * @param requestDate when the registration is asked for
 * @param exempt      the applicant is exempted by law (officers decide; false by default)
 * @param variant     the applicant's case among {@link FeeOptions#variants()}; null: the first
 */
public record FeeInputs(Channel channel, List<Document> documents, Integer copies, Integer persons,
                        LocalDate eventDate, LocalDate requestDate, boolean exempt, String variant) {

    /** A document to certify. */
    public record Document(int pages, int copies) {
    }

    public FeeInputs {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public static FeeInputs of(Channel channel) {
        return new FeeInputs(channel, List.of(), null, null, null, null, false, null);
    }

    public FeeInputs withDocuments(List<Document> d) {
        return new FeeInputs(channel, d, copies, persons, eventDate, requestDate, exempt, variant);
    }

    public FeeInputs withCopies(Integer n) {
        return new FeeInputs(channel, documents, n, persons, eventDate, requestDate, exempt, variant);
    }

    public FeeInputs withPersons(Integer n) {
        return new FeeInputs(channel, documents, copies, n, eventDate, requestDate, exempt, variant);
    }

    public FeeInputs withEvent(LocalDate event, LocalDate request) {
        return new FeeInputs(channel, documents, copies, persons, event, request, exempt, variant);
    }

    public FeeInputs withExempt(boolean e) {
        return new FeeInputs(channel, documents, copies, persons, eventDate, requestDate, e, variant);
    }

    public FeeInputs withVariant(String v) {
        return new FeeInputs(channel, documents, copies, persons, eventDate, requestDate, exempt, v);
    }
}

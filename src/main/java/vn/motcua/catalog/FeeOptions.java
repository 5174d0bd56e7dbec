package vn.motcua.catalog;

import java.util.List;

/**
 * What a procedure's fee schedule needs besides its rows.
 *
 * @param form             where the quantities are in the procedure's eForm (null: nothing is read from it)
 * @param registrationDays a registration is on time within this many days of the event (60 for a birth, 15 for a
 *                         death, Law on Civil Status 2014 Art. 15, 33); null: no such rule
 * @param copiesDefault    copies when the form does not say (1; 0 where copies are extra, e.g. extract copies)
 * @param variants         the cases the schedule distinguishes (applicant type, what is certified ...); the first
 *                         is the default
 */
public record FeeOptions(FormInputs form, Integer registrationDays, int copiesDefault, List<Variant> variants) {

    public static final FeeOptions NONE = new FeeOptions(null, null, 1, List.of());

    public FeeOptions {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** A case of the schedule. */
    public record Variant(String id, String label) {
    }

    /**
     * Paths in the eForm (dots between object fields): {@code documents} an array whose items have {@code pages}
     * and {@code copiesPerDocument}; {@code copies} a number; {@code persons} an array of the other persons on the
     * application (the applicant counts as one more); {@code eventDate} the date of the registered event.
     */
    public record FormInputs(String documents, String pages, String copiesPerDocument, String copies, String persons,
                             String eventDate) {
    }
}

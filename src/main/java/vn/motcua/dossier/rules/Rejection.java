package vn.motcua.dossier.rules;

/**
 * A refusal with its legal basis: nothing changes. {@code httpStatus} is 409 when the action is not allowed now,
 * 400 when an input is missing or wrong ({@code field} names it).
 *
 * @param messageKey the Vietnamese (and English) reason in messages/dossier*.properties
 */
public record Rejection(String legalBasis, String messageKey, String field, int httpStatus, Object... args)
        implements Verdict {

    /** Not allowed now (409). */
    public static Rejection conflict(String legalBasis, String messageKey, Object... args) {
        return new Rejection(legalBasis, messageKey, null, 409, args);
    }

    /** A missing or wrong input (400). */
    public static Rejection invalid(String legalBasis, String field, String messageKey, Object... args) {
        return new Rejection(legalBasis, messageKey, field, 400, args);
    }
}

package vn.motcua.dossier.rules;

/** A policy's answer: allowed, allowed but counted late, or refused with the legal reason. */
public sealed interface Verdict permits Verdict.Allowed, Verdict.AllowedMarkedLate, Rejection {

    Verdict ALLOWED = new Allowed();

    /** Allowed. */
    record Allowed() implements Verdict {
    }

    /** Allowed, and the dossier is counted late whatever its dates (DOMAIN §2.6). */
    record AllowedMarkedLate(String legalBasis) implements Verdict {
    }
}

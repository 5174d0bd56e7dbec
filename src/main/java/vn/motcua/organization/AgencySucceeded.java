package vn.motcua.organization;

import java.time.LocalDate;
import vn.motcua.platform.Actor;

/**
 * An agency closed by a reorganisation of units and its successor: published (synchronously, inside the
 * reorganisation's transaction) so the module that owns dossiers hands the unfinished ones over.
 *
 * @param reorganisation the reorganisation's code, e.g. {@code NQ1662-2025}
 * @param legalBasis     its legal basis, written in each dossier's history
 * @param by             the administrator applying it
 */
public record AgencySucceeded(String fromAgency, String toAgency, String reorganisation, String legalBasis,
                              LocalDate effective, Actor by) {
}

package vn.motcua.catalog;

import java.util.List;
import java.util.Optional;
import vn.motcua.organization.Agency;
import vn.motcua.platform.PageResult;

/** The catalogue's API for other modules and pages. */
public interface Catalog {

    Optional<Procedure> procedure(String code);

    /**
     * A procedure as it stood in the version a dossier was filed under (its time, fees, components and eForm), whether
     * that version is still in force or not; empty when that version is unknown.
     */
    default Optional<Procedure> procedure(String code, int version) {
        return procedure(code).filter(p -> p.version() == version);
    }

    /** The procedure of a dossier: the version it was filed under, else (unknown version) the one in force. */
    default Optional<Procedure> filed(String code, int version) {
        return procedure(code, version).or(() -> procedure(code));
    }

    /** Ranked search (name matches first), diacritic- and case-insensitive, any word order, one typo per word. */
    PageResult<Procedure> search(ProcedureQuery query);

    List<Field> fields();

    /** The most used procedures (essential services first until usage is known). */
    List<Procedure> popular(int limit);

    /** Agencies that may receive applications for the procedure (its own agencies and the one-stops of its levels). */
    List<Agency> receivingAgencies(Procedure procedure);

    boolean canReceive(Procedure procedure, Agency agency);

    /** Problems of an eForm against the procedure's JSON Schema, worded for the applicant (empty when valid). */
    List<vn.motcua.platform.FieldProblem> validateForm(Procedure procedure, tools.jackson.databind.JsonNode form,
                                                       java.util.Locale locale);

    /** Counts one more use of a procedure (for "most used"). */
    default void countUse(String procedureCode) {
        countUses(procedureCode, 1);
    }

    /** Counts {@code uses} more uses of a procedure (for "most used"). */
    void countUses(String procedureCode, int uses);

    /**
     * What a dossier of the procedure owes (phí, lệ phí): the rows of its fee schedule that apply to the inputs,
     * each counted by its basis (flat, per copy, per person, per page with tiers and a cap per copy), never the sum of
     * every row. 404 for an unknown procedure; 400 naming {@code variant} for a case the schedule does not know.
     */
    FeeQuote quote(String procedureCode, FeeInputs inputs);

    /**
     * The fee inputs a dossier's eForm gives (pages and copies to certify, copies requested, persons, the date of the
     * registered event), where the procedure's schedule says they are; the applicant is not taken as exempted.
     */
    FeeInputs feeInputs(String procedureCode, tools.jackson.databind.JsonNode form, vn.motcua.platform.Channel channel,
                        java.time.LocalDate on);

    /** The procedure's steps, who may apply and its conditions (empty when the catalogue has none yet). */
    default ProcedureGuide guide(String procedureCode) {
        return ProcedureGuide.EMPTY;
    }
}

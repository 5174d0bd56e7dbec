package vn.motcua.catalog;

import java.util.List;
import java.util.Optional;
import vn.motcua.organization.Agency;
import vn.motcua.platform.PageResult;

/** The catalogue's API for other modules and pages. */
public interface Catalog {

    Optional<Procedure> procedure(String code);

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
    void countUse(String procedureCode);
}

package vn.motcua.integration;

import java.time.OffsetDateTime;
import java.util.function.Consumer;

/**
 * The population checks' facts for other modules that rebuild their own state (the 766 index's recount), without
 * reading the integration tables: the dossiers whose applicant the national population database answered about
 * (the checks recorded with them whose result was MATCH or MISMATCH). Live changes come as {@link PopulationChecked}
 * events.
 */
public interface PopulationFacts {

    /** A dossier with an answered check, the first one's moment. */
    record Answered(String dossierCode, OffsetDateTime firstAt) {
    }

    /** Every dossier with an answered check, once each, streamed (call inside a transaction). */
    void forEachAnswered(Consumer<Answered> each);
}

package vn.motcua.integration.population;

import java.util.Optional;

/** The national population database, through an adapter: a simulated registry in the demo, HTTP in production. */
interface PopulationRegistry {

    /** SIMULATED, HTTP or NONE. */
    String source();

    /**
     * The person with this 12-digit personal identification number, empty when the registry knows none.
     *
     * @throws RegistryUnavailable when the registry cannot answer (down, slow, not configured)
     */
    Optional<RegistryPerson> lookup(String idNumber);

    /** The registry could not answer. */
    final class RegistryUnavailable extends RuntimeException {
        RegistryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

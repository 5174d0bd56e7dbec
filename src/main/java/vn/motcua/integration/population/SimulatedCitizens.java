package vn.motcua.integration.population;

import java.util.List;

/**
 * The people of the simulated population registry (fixed seed, nobody real), for the demo's VNeID sandbox: a citizen
 * who logs in there is one the simulated registry then knows, with the same name and date of birth.
 */
public final class SimulatedCitizens {

    private static final List<RegistryPerson> ALL = List.copyOf(new SimulatedPopulationRegistry().people().values()
            .stream().sorted(java.util.Comparator.comparing(RegistryPerson::idNumber)).toList());

    private SimulatedCitizens() {
    }

    /** Everybody, ordered by identification number. */
    public static List<RegistryPerson> all() {
        return ALL;
    }

    public static java.util.Optional<RegistryPerson> byIdNumber(String idNumber) {
        return ALL.stream().filter(p -> p.idNumber().equals(idNumber)).findFirst();
    }
}

package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: no cycles, and no module reaches into another's internals (Spring Modulith). */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(MotCuaApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /**
     * The dossier events are typed records of the dossier module's API, so its listeners depend on it visibly; the
     * catalogue does not (the usage count lives in the dossier module), the dossier module does not depend on its
     * listeners, and the demo generator uses the dossier rule book.
     */
    @Test
    void theDossierEventsListenersDependOnTheDossierModule() {
        var dossier = modules.getModuleByName("dossier").orElseThrow();
        for (String listener : new String[] {"index766", "notification", "integration", "demo"}) {
            assertThat(modules.getModuleByName(listener).orElseThrow().getDirectDependencies(modules)
                    .containsModuleNamed("dossier")).as(listener + " depends on dossier").isTrue();
        }
        for (String module : new String[] {"catalog", "notification", "index766", "integration", "demo"}) {
            if (!module.equals("catalog")) {
                assertThat(dossier.getDirectDependencies(modules).containsModuleNamed(module))
                        .as("dossier does not depend on " + module).isFalse();
            }
        }
        assertThat(modules.getModuleByName("catalog").orElseThrow().getDirectDependencies(modules)
                .containsModuleNamed("dossier")).as("the catalogue does not depend on the dossier module").isFalse();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

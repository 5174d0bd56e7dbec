package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organization.internal.AgencyAdmin;
import vn.motcua.platform.Actor;
import vn.motcua.test.IntegrationTest;

/**
 * The agency directory held in memory is refreshed after the administrator's transaction commits, not inside it: a
 * request reading the directory between the change and the commit (another officer's page, the scheduler) must not
 * leave the old directory in memory for a minute. This is what made {@code AgencyAdminApiTest} flaky; here the
 * interleaving is forced instead of left to chance.
 */
@IntegrationTest
class AgencyCacheAfterCommitTest {

    @Autowired
    AgencyAdmin admin;
    @Autowired
    Organization organization;
    @Autowired
    PlatformTransactionManager transactions;

    private static AgencyAdmin.AgencyInput input(String code, String electronicId) {
        return new AgencyAdmin.AgencyInput(code, "Bộ phận Một cửa bộ đệm " + code, null, electronicId, "25195",
                "one_stop_commune", null, null, null, null, null, null, null, List.of("07:30-11:30"), null, null);
    }

    /** What another request sees at this moment (another thread, outside the transaction). */
    private Optional<Agency> elsewhere(String code) {
        return CompletableFuture.supplyAsync(() -> organization.agency(code)).join();
    }

    @Test
    void anAgencyCreatedInATransactionIsFoundByEveryRequestOnceItCommits() {
        String code = "TEST.CACHE.MC";
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            admin.create(Actor.SYSTEM, input(code, "H10.89.01.951"));
            assertThat(organization.agency(code)).as("the writing transaction sees its own change").isPresent();
            assertThat(elsewhere(code)).as("another request reads the committed directory, without it yet").isEmpty();
        });
        assertThat(organization.agency(code)).as("after the commit, in this thread").isPresent();
        assertThat(elsewhere(code)).as("after the commit, in another request").isPresent();
    }

    @Test
    void aRolledBackChangeLeavesNothingInMemory() {
        String code = "TEST.CACHE.RB";
        assertThat(elsewhere(code)).isEmpty(); // the directory is in memory before the change
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            admin.create(Actor.SYSTEM, input(code, "H10.89.01.952"));
            assertThat(organization.agency(code)).isPresent();
            tx.setRollbackOnly();
        });
        assertThat(organization.agency(code)).as("rolled back").isEmpty();
        assertThat(elsewhere(code)).as("rolled back, another request").isEmpty();
    }

    @Test
    void anEditIsSeenByTheNextRequestOnceCommitted() {
        String code = "TEST.CACHE.ED";
        AgencyAdmin.AgencyView created = admin.create(Actor.SYSTEM, input(code, "H10.89.01.953"));
        assertThat(elsewhere(code)).map(Agency::electronicId).contains("H10.89.01.953");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            var in = input(code, "H10.89.01.954");
            admin.update(Actor.SYSTEM, code, new AgencyAdmin.AgencyInput(in.code(), in.name(), in.nameEn(),
                    in.electronicId(), in.unitCode(), in.kind(), in.parentCode(), in.validFrom(), in.validTo(),
                    in.successorCode(), in.address(), in.phone(), in.email(), in.officeHours(), in.procedures(),
                    created.version()));
            assertThat(elsewhere(code)).map(Agency::electronicId).as("not committed yet").contains("H10.89.01.953");
        });
        assertThat(elsewhere(code)).map(Agency::electronicId).as("committed").contains("H10.89.01.954");
    }
}

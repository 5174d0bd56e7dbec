package vn.motcua.workflow;

import java.time.OffsetDateTime;
import java.util.List;

/** A version of the electronic process of a procedure at an agency; id 0 is the built-in default process. */
public record ProcessDefinition(long id, String procedureCode, String agencyCode, int version, boolean active,
                                List<StepDefinition> steps, String createdBy, OffsetDateTime createdAt) {

    public boolean isDefault() {
        return id == 0;
    }
}

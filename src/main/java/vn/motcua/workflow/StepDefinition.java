package vn.motcua.workflow;

import java.math.BigDecimal;
import vn.motcua.platform.Role;

/**
 * One step of an electronic process.
 *
 * @param agencyCode another agency for an inter-agency step (liên thông), or null for the dossier's agency
 * @param hours      its share of the legal processing time, in working hours
 */
public record StepDefinition(String name, Role role, String agencyCode, BigDecimal hours) {
}

package vn.motcua.dossier.internal;

import java.util.EnumSet;
import java.util.Set;
import vn.motcua.dossier.rules.Party;
import vn.motcua.platform.Actor;
import vn.motcua.platform.Role;

/** Who sees a dossier, and which parties of the rule book an actor is for it. */
public final class Access {

    private Access() {
    }

    /** Officers see a dossier of their agency, at a step of their agency, or one their agency is consulted on. */
    public static boolean officerSees(Actor actor, DossierRecord d) {
        String a = actor.agencyCode();
        return a != null && (a.equals(d.agencyCode()) || a.equals(d.currentStepAgency())
                || d.consultingAgencies().contains(a));
    }

    /** The applicant's own dossier (submitted from their account). */
    public static boolean owns(Actor actor, DossierRecord d) {
        return d.applicantAccountId() != null && d.applicantAccountId() == actor.accountId();
    }

    /** The parties an officer is for this dossier now. */
    public static Set<Party> parties(Actor actor, DossierRecord d) {
        Set<Party> p = EnumSet.noneOf(Party.class);
        String a = actor.agencyCode();
        if (a == null) {
            return p;
        }
        boolean home = a.equals(d.agencyCode());
        boolean atStep = a.equals(d.currentStepAgency());
        boolean consulted = d.consultingAgencies().contains(a);
        if (actor.has(Role.RECEPTION) && home) {
            p.add(Party.RECEPTION);
        }
        if (actor.has(Role.SPECIALIST) && (home || atStep)) {
            p.add(Party.SPECIALIST);
        }
        if (actor.has(Role.LEADER) && (home || atStep)) {
            p.add(Party.LEADER);
        }
        if (consulted && (actor.has(Role.SPECIALIST) || actor.has(Role.LEADER))) {
            p.add(Party.CONSULTED);
        }
        if (d.currentStepRole() != null && atStep && actor.has(Role.valueOf(d.currentStepRole()))) {
            p.add(Party.STEP_OWNER);
        }
        return p;
    }

    /** The role written in the history. */
    static String role(Actor actor) {
        return actor.has(Role.CITIZEN) ? Role.CITIZEN.name()
                : actor.roles().stream().filter(Role::isOfficer).map(Role::name).findFirst().orElse("ADMIN");
    }
}

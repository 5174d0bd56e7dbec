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

    /**
     * Officers see a dossier of an agency whose records they read, at a step of one, or one such an agency is
     * consulted on: {@code readable} is {@link vn.motcua.organization.Organization#readableBy} of the officer's
     * agency — their own, and the closed agencies it succeeded (archive custody,
     * {@link vn.motcua.organization.SuccessorCustody}). Seeing is reading: what an officer may do is
     * {@link #parties}, by their own agency only.
     */
    public static boolean officerSees(Set<String> readable, DossierRecord d) {
        return readable.contains(d.agencyCode()) || (d.currentStepAgency() != null
                && readable.contains(d.currentStepAgency()))
                || d.consultingAgencies().stream().anyMatch(readable::contains);
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

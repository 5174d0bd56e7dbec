package vn.motcua.organization;

/**
 * What the organization module needs to know about dossiers when an agency closes, implemented by the module that
 * owns dossiers (so the organization module does not depend on it).
 */
public interface OpenDossiers {

    /** Dossiers of the agency that are not finished (they need a successor agency to go to). */
    long count(String agencyCode);
}

/**
 * The rule book of the dossier lifecycle, pure (no database, no Spring): the transition table a lawyer can read
 * ({@link vn.motcua.dossier.rules.LifecycleTable}), one named policy per legal rule beyond the table
 * ({@link vn.motcua.dossier.rules.Policies#allCurrentPolicies()}), {@link vn.motcua.dossier.rules.DossierRules#decide}
 * (the table, then the policies), the clock effects ({@link vn.motcua.dossier.rules.ClockEffects}) and the
 * early / on-time / late rule ({@link vn.motcua.dossier.rules.Punctuality}). The dossier services, the pages,
 * the demo generator and the 766 index all use these, and only these. docs/LIFECYCLE.md lists every rule with
 * the file and line where it lives.
 */
@org.springframework.modulith.NamedInterface("rules")
package vn.motcua.dossier.rules;

/**
 * The Decision 766/QĐ-TTg service-quality index, live: the module keeps its own copy of each dossier's 766
 * facts (table {@code index766_dossier}, from the outbox's {@code dossier.changed} snapshots) and month-grained
 * aggregates per unit ({@code index766_agg}), so that any unit's index for a month, quarter or year is a
 * handful of rows. {@link vn.motcua.index766.Indicators} is the indicator table (DOMAIN.md §1.2) in one place;
 * docs/INDEX766.md explains the on-time rule as implemented, the aggregates and the proxies. Listens only.
 */
package vn.motcua.index766;

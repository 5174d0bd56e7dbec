/**
 * Demo data at province scale: the dossier generator ({@code generate} command, docs/GENERATOR.md) and the demo
 * history loaded on first start (profile {@code demo}). Every transition it generates is decided by the dossier
 * module's rule book and every deadline comes from its clock effects ({@link vn.motcua.dossier.rules}); the rows go
 * in through the dossier module's bulk-load API ({@link vn.motcua.dossier.DossierBulkLoad}), so the dossier module
 * still owns its tables.
 */
package vn.motcua.demo;

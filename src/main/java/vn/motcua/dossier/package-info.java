/**
 * The dossier (hồ sơ): intake online, at the counter and by post; codes; the status machine of every legal
 * turn (DossierRules); history; receipts; public tracking. Every status change is one transaction writing
 * the new state, a history entry and an outbox event.
 */
package vn.motcua.dossier;

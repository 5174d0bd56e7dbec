/**
 * Integration with national systems. The national public service portal (Cổng DVCQG): every change of a
 * dossier is mapped to the portal's dossier payload (DOMAIN.md §3.1) and sent by a background job, create
 * then update, with retries; 766 indicator 1.4 counts what was synchronised. Listens to the outbox only.
 */
package vn.motcua.integration;

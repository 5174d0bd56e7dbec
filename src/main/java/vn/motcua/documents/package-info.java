/**
 * Files: uploads checked by content (PDF, JPEG, PNG), stored once per distinct content in PostgreSQL,
 * attached to dossiers, and cleaned up when never used.
 */
package vn.motcua.documents;

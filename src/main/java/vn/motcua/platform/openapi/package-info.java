/**
 * The REST API as a contract (docs/API-CONVENTIONS.md): springdoc's description of every {@code /api/**} operation,
 * completed from what the application already knows — the security configuration (who may call what), the
 * argument resolvers (which parameters the server fills in itself), the shared problem+json errors, record
 * components ({@code required}, {@code nullable}) and binary downloads — so that a new endpoint conforms without
 * work.
 */
package vn.motcua.platform.openapi;

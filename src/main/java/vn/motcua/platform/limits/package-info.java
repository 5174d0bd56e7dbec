/**
 * Rate limits for every module: {@link vn.motcua.platform.limits.RateLimits} with a
 * {@link vn.motcua.platform.limits.LimitKind}, kept in PostgreSQL by Bucket4j. docs/SECURITY.md.
 */
package vn.motcua.platform.limits;

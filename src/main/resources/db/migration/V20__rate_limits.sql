-- Rate limits (issue 17, vn.motcua.platform.limits): Bucket4j's token buckets in PostgreSQL, so that the limits
-- hold across application nodes. The id is a SHA-256 of the limit and its key (an address, a dossier code, a
-- user name): no address or name is stored in clear. expires_at (epoch milliseconds) lets old buckets be removed.
create table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expiry on rate_limit_bucket (expires_at);

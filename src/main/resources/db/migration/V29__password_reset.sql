-- Self-service password reset (issue 18): a one-time code sent by e-mail or SMS. Only a hash of the code is kept
-- (bcrypt, as passwords); a code expires, takes a few wrong tries, and is used once. A new request replaces the
-- codes still open for the account.
create table password_reset_code (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    code_hash  text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    attempts   int         not null default 0 check (attempts >= 0),
    used_at    timestamptz,
    check (expires_at > created_at)
);
create index password_reset_code_open on password_reset_code (account_id, created_at desc) where used_at is null;

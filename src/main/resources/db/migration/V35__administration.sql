-- Administration (issue 11): accounts get a version (optimistic locking), a forced password change after a reset,
-- and every administrative change goes into one audit log (who, when, what before and after).
alter table account add column version int not null default 0;
alter table account add column must_change_password boolean not null default false;
alter table account add column updated_at timestamptz;

-- Owned by platform.audit.AdminAudit; written by the administration of accounts, agencies, procedures and
-- reorganisations. agency_code scopes what an agency administrator may read.
create table admin_audit (
    id             bigint generated always as identity primary key,
    at             timestamptz not null,
    actor_id       bigint,
    actor_username text        not null,
    subject        text        not null check (subject in ('ACCOUNT', 'AGENCY', 'PROCEDURE', 'REORGANISATION', 'UNIT')),
    subject_key    text        not null,
    action         text        not null,
    agency_code    text,
    before         jsonb,
    after          jsonb
);
create index admin_audit_subject on admin_audit (subject, subject_key, at desc);
create index admin_audit_at on admin_audit (at desc);
create index admin_audit_agency on admin_audit (agency_code, at desc);

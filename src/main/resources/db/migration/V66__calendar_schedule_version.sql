-- Issue 11, optimistic locking on every administrative write: a holiday schedule carries the version an administrator
-- read; a replacement or a deletion sending an older one is refused (409) instead of silently winning. Existing
-- schedules start at 1 (0 means "no schedule read": the version sent to create one with PUT).
alter table calendar_schedule add column version bigint not null default 1;

-- Notification: every message the platform sends or shows (thông báo), one row per channel and recipient.
-- Rows are written first (in the transaction of the event that causes them) and delivered afterwards by the
-- notification-delivery task, so an SMTP or SMS outage never blocks anything else.
create table notification (
    id              bigint generated always as identity primary key,
    account_id      bigint,                                   -- the recipient's account, if known (no FK: identity owns it)
    channel         text        not null check (channel in ('EMAIL', 'SMS', 'IN_APP')),
    recipient       text        not null,                     -- e-mail address, phone number, or the account id (IN_APP)
    subject         text        not null,
    body            text        not null,                     -- plain text; e-mails get an HTML copy built from it
    dossier_code    text,
    event           text        not null,                     -- the dossier action (ACCEPT, ...) or the template key
    status          text        not null default 'PENDING'
                                check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        int         not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null default now(),       -- delivery retries with exponential backoff
    source_event_id bigint,                                   -- the outbox event that caused it (idempotency)
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    read_at         timestamptz                               -- IN_APP only: when the recipient marked it read
);

-- "my notifications", newest first, and the unread count
create index notification_inbox on notification (account_id, created_at desc, id desc) where channel = 'IN_APP';
create index notification_unread on notification (account_id) where channel = 'IN_APP' and read_at is null;
-- the delivery task: due rows
create index notification_due on notification (next_attempt_at, id) where status = 'PENDING';
-- what was a dossier's applicant told, and when (support, audits)
create index notification_dossier on notification (dossier_code, created_at) where dossier_code is not null;
-- one outbox event never gives the same message twice
create unique index notification_event_once on notification (source_event_id, channel, recipient)
    where source_event_id is not null;

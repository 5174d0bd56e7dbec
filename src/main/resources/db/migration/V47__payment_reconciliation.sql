-- The daily reconciliation of payments with the gateways' own records (issue 13, docs/PAYMENTS.md "Reconciliation"):
-- one report per calendar day and gateway (a new run replaces the day's report), and its mismatches for the accountant.
create table payment_reconciliation (
    id                 bigint generated always as identity primary key,
    day                date        not null,
    gateway            text        not null,
    run_at             timestamptz not null,
    checked            int         not null,
    matched            int         not null,
    mismatched         int         not null,
    our_paid_total     bigint      not null,  -- what this system holds as paid at the gateway that day (đồng)
    gateway_paid_total bigint      not null,  -- what the gateway says was paid for the same attempts (đồng)
    unique (day, gateway)
);

create table payment_reconciliation_item (
    id                bigint generated always as identity primary key,
    reconciliation_id bigint      not null references payment_reconciliation (id) on delete cascade,
    payment_id        uuid        not null,
    reference         text        not null,
    dossier_code      text,
    agency_code       text,
    kind              text        not null check (kind in ('PAID_ONLY_AT_GATEWAY', 'PAID_ONLY_HERE', 'AMOUNT_DIFFERS',
                                                           'REFUND_DIFFERS', 'PENDING', 'QUERY_FAILED')),
    our_status        text        not null,
    our_amount        bigint      not null,
    gateway_outcome   text,
    gateway_amount    bigint,
    gateway_txn_no    text,
    note              text
);
create index payment_reconciliation_item_run on payment_reconciliation_item (reconciliation_id);

-- The day's summary of e-receipt data for the tax authority (issue 13, docs/PAYMENTS.md "Tax authority"; Decree
-- 254/2026 Art. 29.3.b: after issuing, send the tax authority a summary table of the e-receipt data on the day of
-- issue). Made and kept per collecting agency and day when motcua.payment.receipt.daily-summary=true (off by
-- default: the format and the channel are UNCONFIRMED). Numbered below V45 (the session's range): no foreign keys.
create table payment_receipt_summary (
    agency_code text        not null,
    day         date        not null,
    receipts    int         not null,
    amount      bigint      not null,
    xml         text        not null,
    made_at     timestamptz not null default now(),
    version     int         not null default 0,
    primary key (agency_code, day)
);

-- Electronic receipts for fees and charges (issue 13, docs/PAYMENTS.md "E-receipts"; DOMAIN-2.md §1c).
-- One receipt per settled payment; numbers run per agency, series and calendar year from 1 without gaps
-- (the series row is locked by the transaction that takes a number, which is the settlement's).
create table payment_receipt_series (
    agency_code text   not null,
    series      text   not null,                 -- ký hiệu biên lai, e.g. BL26
    year        int    not null,
    last_number bigint not null,
    primary key (agency_code, series, year)
);

create table payment_receipt (
    payment_id         uuid        primary key references payment_transaction (id),
    agency_code        text        not null,
    template_symbol    text,                      -- ký hiệu mẫu biên lai (configured)
    series             text        not null,
    year               int         not null,
    number             bigint      not null check (number > 0),
    issued_at          timestamptz not null,
    amount             bigint      not null check (amount > 0),
    xml                text        not null,      -- the receipt's business data (embedded in the signed PDF)
    file_id            uuid,                      -- the signed PDF in the file store, once made
    sha256             text,
    signed_document_id uuid,                      -- its entry in signed_document (the QR code's key)
    version            int         not null default 0,
    unique (agency_code, series, year, number)
);
create index payment_receipt_issued on payment_receipt (agency_code, issued_at);

-- One electronic receipt per payment and category (issue 13, docs/PAYMENTS.md "E-receipts"; DOMAIN-2.md §1c:
-- separate receipts for phí and lệ phí): a payment of a phí and a lệ phí gets two receipts, each with its own number
-- of the agency's series (payment_receipt_series, V46, hands out the numbers of both tables: no number twice), its
-- lines, its amount and its XML. Receipts issued before (payment_receipt, V46: one per payment, every line) stay
-- as they are and are still served.
-- Numbered below V45/V46 (the session's reserved range): no foreign key to payment_transaction, which does not exist
-- yet when a new database runs this; the payment module writes both in one transaction.
create table payment_e_receipt (
    payment_id         uuid        not null,
    category           text        not null check (category in ('PHI', 'LE_PHI', 'NGHIA_VU_TAI_CHINH')),
    agency_code        text        not null,
    template_symbol    text,
    series             text        not null,
    year               int         not null,
    number             bigint      not null check (number > 0),
    issued_at          timestamptz not null,
    amount             bigint      not null check (amount > 0),
    xml                text        not null,
    file_id            uuid,
    sha256             text,
    signed_document_id uuid,
    version            int         not null default 0,
    primary key (payment_id, category),
    unique (agency_code, series, year, number)
);
create index payment_e_receipt_issued on payment_e_receipt (agency_code, issued_at);

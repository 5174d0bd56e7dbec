-- The 766 index counts real payments (issue 13, indicators 3.5b and 3.6, docs/INDEX766.md "Payments"): the online
-- payments whose money is held, as the payment module reported them (PaymentSettled events; the recount reads them
-- through the payment module's PaymentFacts API). The index's own table: it never reads the payment tables.
create table index766_payment (
    payment_id  text        primary key,
    dossier_id  bigint      not null,
    gateway     text        not null,          -- VNPAY, PAYMENT_PLATFORM (cash is never online)
    refunded    boolean     not null default false,
    updated_at  timestamptz not null default now()
);
create index index766_payment_dossier on index766_payment (dossier_id) where not refunded;

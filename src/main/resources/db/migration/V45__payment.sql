-- Online payment (issue 13, docs/PAYMENTS.md): one transaction table, owned by the payment module.
-- A row is one attempt to pay what a dossier owes through one channel; its state machine is
-- INITIATED -> SUCCEEDED | FAILED | EXPIRED, SUCCEEDED -> REFUND_REQUESTED -> REFUNDED. The merchant reference
-- (vnp_TxnRef / MaThamChieu) is unique: a callback changes a row once, whatever the number of replays.
create table payment_transaction (
    id                  uuid primary key,
    reference           text        not null unique,
    dossier_id          bigint      not null,
    dossier_code        text        not null,
    agency_code         text        not null,
    procedure_code      text        not null,
    procedure_name      text        not null,
    payer_account_id    bigint,
    payer_name          text,
    payer_id_number     text,
    payer_address       text,
    gateway             text        not null check (gateway in ('VNPAY', 'PAYMENT_PLATFORM', 'CASH')),
    method              text        not null check (method in ('ONLINE', 'CASH')),
    amount              bigint      not null check (amount > 0),
    items               jsonb       not null,
    status              text        not null check (status in ('INITIATED', 'SUCCEEDED', 'FAILED', 'EXPIRED',
                                                               'REFUND_REQUESTED', 'REFUNDED')),
    redirect_url        text,
    client_ip           text,
    created_by          bigint,
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    settled_at          timestamptz,                     -- when SUCCEEDED / FAILED / EXPIRED was recorded
    paid_at             timestamptz,                     -- when the gateway says the money moved
    gateway_txn_no      text,                            -- vnp_TransactionNo / MaGiaoDich
    bank_code           text,
    response_code       text,                            -- the gateway's last answer (vnp_ResponseCode, MaLoi ...)
    failure_reason      text,
    confirmed_by        text,                            -- IPN, RETURN, QUERY, CALLBACK, COUNTER
    dossier_taken       boolean     not null default false,
    refund_requested_at timestamptz,
    refund_requested_by bigint,
    refund_reason       text,
    refunded_at         timestamptz,
    last_query_at       timestamptz,
    query_count         int         not null default 0,
    version             int         not null default 0,
    updated_at          timestamptz not null default now()
);
-- at most one attempt open per dossier: a double click finds the first one instead of charging twice
create unique index payment_transaction_one_open on payment_transaction (dossier_id) where status = 'INITIATED';
create index payment_transaction_dossier on payment_transaction (dossier_code, created_at);
create index payment_transaction_pending on payment_transaction (created_at) where status = 'INITIATED';
create index payment_transaction_day on payment_transaction (agency_code, settled_at);

-- Every callback and query answer received, kept as received (forgeries and replays included) for the accountant
-- and the auditors.
create table payment_callback_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    gateway     text        not null,
    source      text        not null,                    -- IPN, RETURN, CALLBACK, QUERY
    reference   text,
    outcome     text        not null,                    -- the answer given (00, 01, 02, 04, 97, 99 ...)
    remote_addr text,
    params      jsonb       not null
);
create index payment_callback_log_reference on payment_callback_log (reference);

-- The built-in sandbox of the embedded default: the transactions of a simulated VNPay (an outside system, kept apart).
create table payment_sandbox_txn (
    txn_ref          text primary key,
    tmn_code         text        not null,
    amount           bigint      not null,                -- x100, as VNPay counts
    order_info       text,
    create_date      text        not null,
    transaction_no   text        not null unique,
    response_code    text,                                -- null while the customer has not decided
    transaction_status text      not null default '01',
    bank_code        text,
    pay_date         text,
    refunded_amount  bigint      not null default 0,
    return_url       text        not null,
    expire_date      text,
    created_at       timestamptz not null default now()
);

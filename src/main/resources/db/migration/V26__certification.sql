-- certification (issue 12): electronic certified copies (chứng thực bản sao điện tử), docs/CERTIFICATION.md
create sequence certification_code_seq;

create table certification_request (
    id                   bigserial primary key,
    code                 text        not null unique,
    agency_code          text        not null,
    channel              text        not null check (channel in ('ONLINE', 'COUNTER')),
    applicant_account_id bigint,                  -- the citizen's account (online); null at the counter
    applicant_name       text        not null,
    applicant_id_number  text,
    document_name        text        not null,
    pages                integer     not null check (pages between 1 and 2000),
    copies               integer     not null check (copies between 1 and 100),
    original_file_id     uuid        not null,    -- the scan of the original (stored_file)
    status               text        not null check (status in
                             ('TIEP_NHAN', 'CHO_KY', 'CHO_DONG_DAU', 'HOAN_THANH', 'HUY', 'TU_CHOI')),
    received_at          timestamptz not null,
    due_at               timestamptz not null,
    extended             boolean     not null default false,
    fee_amount           bigint      not null check (fee_amount >= 0),
    fee_quote            jsonb,
    statement            text,
    certifier_name       text,
    signed_file_id       uuid,                    -- after SIGN: the copy with the competent person's signature
    document_key         uuid,                    -- the key in the copy's QR code (signed_document.id)
    book_year            integer,
    book_number          integer,
    certification_number integer,
    number_text          text,                    -- "Số chứng thực: 15; Quyển số: 01/2026-SCT/BS-ĐT"
    refusal_ground       text,
    refusal_note         text,
    copy_file_id         uuid,                    -- after SEAL: the issued e-copy, kept for reuse
    completed_at         timestamptz,
    version              integer     not null default 0,
    unique (agency_code, book_year, book_number, certification_number)
);
create index certification_request_agency on certification_request (agency_code, status, received_at);
create index certification_request_applicant on certification_request (applicant_account_id)
    where applicant_account_id is not null;

-- the register (sổ chứng thực bản sao điện tử): one book per agency and year, numbers from 1, without gaps (the
-- number is taken in the signing transaction: a failed signature gives it back)
create table certification_book (
    agency_code text    not null,
    year        integer not null,
    book_number integer not null default 1,
    last_number integer not null default 0,
    primary key (agency_code, year)
);

create table certification_history (
    id          bigserial primary key,
    request_id  bigint      not null references certification_request (id),
    at          timestamptz not null,
    actor_id    bigint,
    actor_name  text        not null,
    action      text        not null,
    from_status text,
    to_status   text        not null,
    note        text
);
create index certification_history_request on certification_history (request_id, id);

-- Identity: accounts (citizens, officers, administrators), their roles, API tokens and citizen profiles.
create table account (
    id            bigint generated always as identity primary key,
    username      text        not null unique check (username = lower(username)),
    password_hash text        not null,
    display_name  text        not null,
    email         text,
    phone         text,
    kind          text        not null check (kind in ('CITIZEN', 'OFFICER', 'ADMIN')),
    agency_code   text references agency (code),
    enabled       boolean     not null default true,
    demo          boolean     not null default false,
    created_at    timestamptz not null default now(),
    check (kind <> 'OFFICER' or agency_code is not null)
);
create index account_agency on account (agency_code);

create table account_role (
    account_id bigint not null references account (id) on delete cascade,
    role       text   not null check (role in ('CITIZEN', 'RECEPTION', 'SPECIALIST', 'LEADER', 'ADMIN')),
    primary key (account_id, role)
);

-- Bearer tokens for API clients; only a SHA-256 of the token is stored.
create table api_token (
    token_hash text primary key,
    account_id bigint      not null references account (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index api_token_expiry on api_token (expires_at);

-- The citizen's profile, filled in once and used to pre-fill forms.
create table citizen_profile (
    account_id    bigint primary key references account (id) on delete cascade,
    full_name     text,
    id_number     text,
    date_of_birth date,
    phone         text,
    email         text,
    address       text,
    commune_code  text references admin_unit (code),
    updated_at    timestamptz not null default now()
);

-- Failed log-ins per account name and per address, to slow down password guessing.
create table login_failure (
    key          text        primary key,        -- 'user:<name>' or 'ip:<address>'
    failures     int         not null,
    window_start timestamptz not null
);

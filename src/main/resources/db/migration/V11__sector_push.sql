-- Issue 10: the education and health sectors' own systems push confirmed hours in.

-- Identity -------------------------------------------------------------------------------------
-- A machine client of one sector's system (role SYSTEM). It signs in with its id and secret; the
-- secret is kept only as a bcrypt hash and shown once, when HR registers or rotates it. Tokens
-- carry secret_version: rotating it (or disabling the client) makes every token issued before
-- useless at the next push, on every instance, since the push reads this row.
create table system_client (
    client_id       varchar(24)  primary key check (client_id ~ '^[a-z0-9][a-z0-9-]{2,23}$'),
    name            varchar(100) not null,
    sector          varchar(40)  not null check (sector in ('EDUCATION','HEALTH','ACCOUNTING','ENGINEERING','AGRICULTURE',
                                                            'ECONOMICS','CULTURE','RESEARCH','OTHER')),
    secret_hash     varchar(100) not null,
    secret_version  int          not null default 1 check (secret_version > 0),
    enabled         boolean      not null default true,
    created_by      varchar(64)  not null,
    created_at      timestamptz  not null,
    secret_set_at   timestamptz  not null
);

-- Sector ---------------------------------------------------------------------------------------
-- Every record a client pushed, under the client's own record id (its idempotency key): one row per
-- (client, record id), so the same id sent again is a duplicate whatever else it says. An ACCEPTED
-- row never changes (its hours are in the ledger as push:<sector>:<client>:<record id>); a REFUSED
-- row keeps the reason and is replaced when the record is sent again and then accepted. The fields
-- are as sent (text cut to the column for refused rows); professional_id is set once accepted.
-- No foreign keys: a push writes 10,000 rows in one statement, and a key check is a trigger and a
-- row lock per row and key. client_id is the pushing client's own (from its checked token) and
-- professional_id comes from identity's lookup in the same transaction; the ledger entry the
-- accepted record made references the professional.
create table sector_record (
    client_id       varchar(24)  not null,
    record_id       varchar(50)  not null,
    status          varchar(8)   not null check (status in ('ACCEPTED','REFUSED')),
    reason          varchar(40),
    detail          varchar(300),
    professional_id bigint,
    id_number       varchar(40),
    name            varchar(100),
    year            int,
    category        varchar(16),
    hours           numeric,
    source          varchar(200),
    completed_on    date,
    pushed_at       timestamptz  not null,
    primary key (client_id, record_id),
    check ((status = 'ACCEPTED') = (reason is null)),
    check (status = 'REFUSED' or (professional_id is not null and year is not null and hours > 0 and completed_on is not null))
);
-- HR lists a client's records newest first (a push writes each row under two indexes only: this
-- and the key)
create index sector_record_newest on sector_record (client_id, pushed_at);

-- The push rate limit, one row per client shared by every instance: pushes counted in the current
-- fixed window (one upsert per push).
create table sector_push_rate (
    client_id       varchar(24)  primary key references system_client(client_id),
    window_start    timestamptz  not null,
    pushes          int          not null
);

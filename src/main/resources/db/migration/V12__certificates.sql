-- Yearly completion and certificates. A professional's year is confirmed through the review
-- mechanism (kind YEAR_CONFIRMATION; the item's subject is the year_completion row); on approval a
-- certificate is issued: a record first (number, state), its signed PDF rendered once into object
-- storage by whichever instance claims it (FOR UPDATE SKIP LOCKED), then served by presigned URL.
create table year_completion (
    id              bigserial primary key,
    professional_id bigint       not null,
    year            integer      not null,
    employer_id     bigint,
    created_at      timestamptz  not null,
    unique (professional_id, year)
);

create sequence certificate_serial;

create table certificate (
    id                bigserial primary key,
    number            varchar(20)   not null unique,
    completion_id     bigint        not null references year_completion (id),
    professional_id   bigint        not null,
    year              integer       not null,
    version           integer       not null default 1,
    state             varchar(16)   not null check (state in ('VALID', 'SUPERSEDED', 'REVOKED')),
    name              varchar(100)  not null,
    id_number_masked  varchar(18)   not null,
    employer_name     varchar(200)  not null,
    public_hours      numeric(7, 1) not null,
    professional_hours numeric(7, 1) not null,
    elective_hours    numeric(7, 1) not null,
    total_hours       numeric(7, 1) not null,
    issued_on         date          not null,
    issued_at         timestamptz   not null,
    pdf_key           varchar(200),          -- null until rendered
    render_leased_until timestamptz,          -- an instance is rendering it until then
    pdf_sha256        varchar(64),
    pdf_bytes         integer,
    sealed_pdf_key    varchar(200),
    sealed_pdf_sha256 varchar(64),
    sealed_at         timestamptz,
    revoked_at        timestamptz,
    revoked_by        varchar(64),
    revoked_reason    varchar(500),
    check ((state = 'REVOKED') = (revoked_at is not null))
);
-- One certificate in force per person and year: racing confirmations cannot issue two.
create unique index certificate_one_valid on certificate (professional_id, year) where state = 'VALID';
create index certificate_unrendered on certificate (id) where pdf_key is null;
create index certificate_by_digest on certificate (pdf_sha256);
create index certificate_by_sealed_digest on certificate (sealed_pdf_sha256) where sealed_pdf_sha256 is not null;
create index certificate_of_professional on certificate (professional_id, year);

-- A unit's seal image, uploaded once by its administrator.
create table employer_seal (
    employer_id  bigint       primary key,
    object_key   varchar(200) not null,
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null
);

-- Year-end batches: one row per person, claimed by any instance; progress is read from the rows.
create table certificate_batch (
    id           bigserial primary key,
    year         integer      not null,
    employer_id  bigint,                  -- null: the requester's whole region
    requested_by bigint       not null,
    requester_role varchar(32) not null,
    requester_scope_level varchar(16),
    requester_scope_city varchar(4),
    requester_name varchar(100) not null,
    created_at   timestamptz  not null,
    finished_at  timestamptz
);
create table certificate_batch_item (
    batch_id        bigint      not null references certificate_batch (id),
    professional_id bigint      not null,
    state           varchar(16) not null default 'PENDING' check (state in ('PENDING', 'ISSUED', 'SKIPPED', 'FAILED')),
    outcome         varchar(300),
    leased_until    timestamptz,
    done_at         timestamptz,
    primary key (batch_id, professional_id)
);
create index certificate_batch_pending on certificate_batch_item (batch_id) where state = 'PENDING';

-- The platform itself: the owner of what it hands in for people who have no account of their own
-- (a completed year put forward for confirmation). It cannot sign in: its password hash matches nothing.
insert into account (username, password_hash, display_name, roles) values ('xueshi-platform', '!', '学时平台', 'SYSTEM')
on conflict (username) do nothing;

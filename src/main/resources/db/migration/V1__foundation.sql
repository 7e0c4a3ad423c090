-- Identity -----------------------------------------------------------------------------------
create table employer (
    id              bigserial primary key,
    name            varchar(200) not null,
    credit_code     char(18)     not null unique,          -- GB 32100 unified social credit code
    checksum_override boolean    not null default false,   -- early codes accepted by an administrator
    city_code       char(4)      not null,
    created_at      timestamptz  not null default now()
);

create table professional (
    id              bigserial primary key,
    name            varchar(100) not null,
    id_number       char(18)     not null unique,          -- GB 11643 resident ID number
    birth_date      date         not null,
    employer_id     bigint       references employer(id),
    title_level     varchar(16)  not null check (title_level in ('SENIOR','ASSOCIATE_SENIOR','INTERMEDIATE','ASSISTANT','JUNIOR')),
    sector          varchar(40)  not null,
    city_code       char(4)      not null,
    created_at      timestamptz  not null default now()
);

create table account (
    id              bigserial primary key,
    username        varchar(64)  not null unique,
    password_hash   varchar(100) not null,
    display_name    varchar(100) not null,
    roles           varchar(200) not null,                 -- comma separated Role names
    professional_id bigint       unique references professional(id),
    employer_id     bigint       references employer(id),
    failed_logins   int          not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null default now()
);

-- Catalog ------------------------------------------------------------------------------------
create table catalog_year (
    year            int primary key,
    title           varchar(200) not null
);

create table subject (
    id              bigserial primary key,
    year            int          not null references catalog_year(year),
    code            varchar(64)  not null,
    title           varchar(200) not null,
    guide_markdown  text         not null,
    content_hash    char(64)     not null,
    version         int          not null default 1,
    position        int          not null,
    unique (year, code)
);

create table course (
    id              bigserial primary key,
    subject_id      bigint       not null references subject(id),
    code            varchar(64)  not null,
    version         int          not null,
    title           varchar(200) not null,
    hours           numeric(5,1) not null check (hours > 0),
    content_hash    char(64)     not null,
    position        int          not null,
    superseded_at   timestamptz,                           -- set when a newer version is imported
    created_at      timestamptz  not null default now(),
    unique (subject_id, code, version)
);
create unique index course_current on course (subject_id, code) where superseded_at is null;

create table lesson (
    id              bigserial primary key,
    course_id       bigint       not null references course(id),
    position        int          not null,
    title           varchar(200) not null,
    duration_ms     int          not null check (duration_ms > 0),
    object_key      varchar(200) not null,
    content_type    varchar(100) not null,
    size_bytes      bigint       not null,
    unique (course_id, position)
);

create table question (
    id              bigserial primary key,
    course_id       bigint       not null references course(id),
    position        int          not null,
    kind            varchar(16)  not null check (kind in ('SINGLE','MULTIPLE','TRUE_FALSE')),
    text            text         not null,
    unique (course_id, position)
);

create table question_option (
    id              bigserial primary key,
    question_id     bigint       not null references question(id),
    position        int          not null,
    text            varchar(500) not null,
    correct         boolean      not null,
    unique (question_id, position)
);

-- Playback -----------------------------------------------------------------------------------
create table lesson_progress (
    professional_id bigint       not null references professional(id),
    lesson_id       bigint       not null references lesson(id),
    watched         text         not null default '',      -- watched spans in ms: "start-end,start-end"
    watched_ms      int          not null default 0,
    position_ms     int          not null default 0,       -- where to resume
    completed_at    timestamptz,
    updated_at      timestamptz  not null default now(),
    primary key (professional_id, lesson_id)
);

create table playback_session (
    id              uuid primary key,
    professional_id bigint       not null references professional(id),
    lesson_id       bigint       not null references lesson(id),
    status          varchar(16)  not null check (status in ('ACTIVE','SUSPENDED')),
    suspended_by    uuid,
    started_at      timestamptz  not null,
    last_beat_at    timestamptz  not null,                 -- server time of the last accepted heartbeat
    last_position_ms int         not null
);
-- one earning lesson per learner, across every instance
create unique index playback_one_active on playback_session (professional_id) where status = 'ACTIVE';

-- Quiz ---------------------------------------------------------------------------------------
create table course_enrollment (
    professional_id bigint       not null references professional(id),
    course_id       bigint       not null references course(id),
    round           int          not null default 1,        -- a new round after the attempts run out
    passed_at       timestamptz,
    primary key (professional_id, course_id)
);

create table quiz_attempt (
    id              bigserial primary key,
    professional_id bigint       not null references professional(id),
    course_id       bigint       not null references course(id),
    round           int          not null,
    attempt_no      int          not null,
    answers         text         not null,                  -- JSON as submitted, for the record
    score           int          not null check (score between 0 and 100),
    passed          boolean      not null,
    created_at      timestamptz  not null default now(),
    unique (professional_id, course_id, round, attempt_no) -- each attempt graded once
);

-- Hours --------------------------------------------------------------------------------------
create table year_requirement (
    year            int primary key,
    public_hours    numeric(5,1) not null,
    professional_hours numeric(5,1) not null,
    elective_hours  numeric(5,1) not null,
    total_hours     numeric(5,1) not null,
    confirm_until   date         not null                   -- records may still be confirmed until
);
insert into year_requirement (year, public_hours, professional_hours, elective_hours, total_hours, confirm_until)
select y, 18, 42, 12, 72, make_date(y + 1, 1, 31) from generate_series(2011, 2017) y;
insert into year_requirement values (2020, 30, 42, 12, 84, date '2021-01-31');
insert into year_requirement (year, public_hours, professional_hours, elective_hours, total_hours, confirm_until)
select y, 30, 42, 18, 90, make_date(y + 1, 1, 31) from generate_series(2021, 2026) y;

-- The ledger is append-only: a correction is a REVERSAL entry pointing at the entry it cancels.
create table hour_entry (
    id              bigserial primary key,
    professional_id bigint       not null references professional(id),
    year            int          not null,
    category        varchar(16)  not null check (category in ('PUBLIC','PROFESSIONAL','ELECTIVE')),
    source          varchar(24)  not null check (source in ('ONLINE_COURSE','CLASS','SEMINAR','DECLARATION','SECTOR_PUSH','ADJUSTMENT')),
    source_ref      varchar(100) not null,                  -- e.g. course:12, class:7, push:<system>:<id>
    kind            varchar(12)  not null check (kind in ('CREDIT','REVERSAL')),
    status          varchar(12)  not null check (status in ('CONFIRMED','PROVISIONAL')),
    hours           numeric(6,1) not null,
    reverses_id     bigint       unique references hour_entry(id),
    title           varchar(200) not null,
    reason          varchar(500),
    recorded_by     varchar(64)  not null,                  -- 'system' or the account that acted
    recorded_at     timestamptz  not null default now(),
    check ((kind = 'CREDIT' and hours > 0 and reverses_id is null)
        or (kind = 'REVERSAL' and hours < 0 and reverses_id is not null and reason is not null))
);
-- exactly once per learner and source (a racing second completion hits this)
create unique index hour_entry_once on hour_entry (professional_id, source, source_ref) where kind = 'CREDIT';
create index hour_entry_by_year on hour_entry (professional_id, year);

create function hour_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'hour_entry is append-only: % refused', tg_op using errcode = 'P0001';
end $$;
create trigger hour_entry_no_update before update or delete on hour_entry
    for each row execute function hour_entry_append_only();

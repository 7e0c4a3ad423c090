-- Face-to-face class plans and advanced seminars (办班计划, 高级研修): filed before the class,
-- reviewed by the industry authority of the same sector and level (the review item holds that
-- state), filed with the HR department of the same level once approved; professionals enrol, the
-- organiser records attendance and assessment, and passing credits the ledger once.
create table class_plan (
    id                    bigserial primary key,
    kind                  varchar(16)   not null check (kind in ('CLASS', 'SEMINAR')),
    title                 varchar(200)  not null check (length(btrim(title)) > 0),
    sector                varchar(16)   not null check (sector in ('EDUCATION','HEALTH','ACCOUNTING','ENGINEERING',
                                                                   'AGRICULTURE','ECONOMICS','CULTURE','RESEARCH','OTHER')),
    level                 varchar(16)   not null check (level in ('PROVINCE', 'CITY')),
    city_code             varchar(4),
    starts_on             date          not null,
    ends_on               date          not null,
    place                 varchar(200)  not null check (length(btrim(place)) > 0),
    hours                 numeric(6, 1) not null check (hours > 0),
    capacity              integer       not null check (capacity between 1 and 10000),
    organiser             varchar(200)  not null check (length(btrim(organiser)) > 0),
    organiser_account_id  bigint        not null,
    organiser_role        varchar(32)   not null check (organiser_role in ('AUTHORITY_REVIEWER', 'EMPLOYER_ADMIN', 'HR_ADMIN')),
    organiser_employer_id bigint,
    filed_on              date,          -- the day the plan was last handed in (the 30-day rule's date)
    filed_at              timestamptz,   -- approved and filed (备案) with the HR department of its level
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    check (ends_on >= starts_on),
    check ((level = 'CITY') = (city_code is not null)),
    check (organiser_role <> 'EMPLOYER_ADMIN' or organiser_employer_id is not null)
);
create index class_plan_by_organiser on class_plan (organiser_account_id, id);
create index class_plan_by_employer on class_plan (organiser_employer_id, id) where organiser_employer_id is not null;
-- HR lists the plans filed at its level and region; professionals the filed plans of their sector.
create index class_plan_filed on class_plan (level, city_code, starts_on) where filed_at is not null;
create index class_plan_open on class_plan (sector, starts_on) where filed_at is not null;

-- Who enrolled, and what the organiser recorded. One row per person and plan (enrolling twice
-- cannot double a seat); the seat count is taken under the plan's row lock.
create table class_enrolment (
    id              bigserial primary key,
    plan_id         bigint      not null references class_plan (id),
    professional_id bigint      not null,
    enrolled_at     timestamptz not null,
    attended        boolean,
    passed          boolean,
    assessed_at     timestamptz,
    assessed_by     varchar(64),
    unique (plan_id, professional_id),
    check (passed is null or attended is not null),
    check (not coalesce(passed, false) or attended)
);
create index class_enrolment_of_professional on class_enrolment (professional_id);

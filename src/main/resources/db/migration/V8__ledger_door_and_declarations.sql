-- Issue 9: one ledger door, the year's rules as data, declarations confirmed by the employer.

-- Identity ------------------------------------------------------------------------------------
-- A professional's sector is one of the platform's codes (it decides who confirms their
-- professional hours); the labels stored so far become codes.
update professional set sector = case sector
    when '教育' then 'EDUCATION' when '卫生健康' then 'HEALTH' when '卫生' then 'HEALTH' when '会计' then 'ACCOUNTING'
    when '工程技术' then 'ENGINEERING' when '农业' then 'AGRICULTURE' when '经济' then 'ECONOMICS'
    when '文化艺术、新闻出版' then 'CULTURE' when '自然科学研究' then 'RESEARCH'
    else case when sector in ('EDUCATION','HEALTH','ACCOUNTING','ENGINEERING','AGRICULTURE','ECONOMICS','CULTURE','RESEARCH')
              then sector else 'OTHER' end end;
alter table professional add constraint professional_sector
    check (sector in ('EDUCATION','HEALTH','ACCOUNTING','ENGINEERING','AGRICULTURE','ECONOMICS','CULTURE','RESEARCH','OTHER'));

-- Hours: the year's rules -----------------------------------------------------------------------
-- One row states the rules from its year on, until a later row: a year with no row of its own
-- takes the nearest earlier row, its deadline moved to that year (see hours.YearRules).
alter table year_requirement rename to year_rule;
alter table year_rule add column daily_cap_hours numeric(4,1);
update year_rule set daily_cap_hours = case when year <= 2017 then 6 else 8 end;
alter table year_rule alter column daily_cap_hours set not null;
alter table year_rule add constraint year_rule_sane check (
    public_hours >= 0 and professional_hours >= 0 and elective_hours >= 0
    and total_hours >= public_hours + professional_hours + elective_hours
    and daily_cap_hours > 0 and daily_cap_hours <= 24
    and confirm_until > make_date(year, 12, 31));

-- What converted activities are worth (折算学时), per year like the rest of the rules: a row states
-- the rate from its year on, until a later year has rows of its own.
create table hour_conversion (
    year            int          not null,
    activity        varchar(16)  not null check (activity in ('TRAINING','DEGREE_STUDY','PAPER','PROJECT','CONFERENCE')),
    unit_label      varchar(20)  not null,                  -- what one unit is: 学时, 学年, 篇, 项, 天
    hours_per_unit  numeric(5,1) not null check (hours_per_unit > 0),
    max_hours       numeric(5,1) check (max_hours > 0),     -- the most one declaration may earn; null: no limit
    primary key (year, activity)
);
insert into hour_conversion values
    (2011, 'TRAINING', '学时', 1, null),
    (2011, 'DEGREE_STUDY', '学年', 42, 42),
    (2011, 'PAPER', '篇', 10, 42),
    (2011, 'PROJECT', '项', 20, 42),
    (2011, 'CONFERENCE', '天', 6, 24),
    (2021, 'TRAINING', '学时', 1, null),
    (2021, 'DEGREE_STUDY', '学年', 42, 42),
    (2021, 'PAPER', '篇', 12, 42),
    (2021, 'PROJECT', '项', 20, 42),
    (2021, 'CONFERENCE', '天', 8, 24);

-- Declarations ---------------------------------------------------------------------------------
-- Hours a professional earned elsewhere, declared to the unit that confirms them. The review
-- state lives in review_item (kind DECLARATION); confirmation credits the ledger.
create table declaration (
    id              bigserial primary key,
    professional_id bigint       not null references professional(id),
    account_id      bigint       not null references account(id),     -- the declarant (owner of the review item)
    employer_id     bigint       not null references employer(id),    -- the unit that confirms it
    year            int          not null,
    category        varchar(16)  not null check (category in ('PROFESSIONAL','ELECTIVE')),
    activity        varchar(16)  not null check (activity in ('TRAINING','DEGREE_STUDY','PAPER','PROJECT','CONFERENCE')),
    title           varchar(200) not null,
    organiser       varchar(200) not null,
    started_on      date         not null,
    ended_on        date         not null,
    quantity        numeric(6,1) not null check (quantity > 0),
    hours_per_unit  numeric(5,1) not null check (hours_per_unit > 0),
    hours           numeric(5,1) not null check (hours > 0),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    check (ended_on >= started_on)
);
create index declaration_by_professional on declaration (professional_id, year);
create index declaration_by_employer on declaration (employer_id, year);

-- Evidence files in the object store; replaced files are kept (marked) so a decision's basis stays readable.
create table declaration_evidence (
    id              bigserial primary key,
    declaration_id  bigint       not null references declaration(id),
    object_key      varchar(200) not null unique,
    file_name       varchar(200) not null,
    content_type    varchar(40)  not null check (content_type in ('application/pdf','image/png','image/jpeg')),
    size_bytes      int          not null check (size_bytes > 0),
    uploaded_at     timestamptz  not null,
    withdrawn_at    timestamptz
);
create index declaration_evidence_of on declaration_evidence (declaration_id);

-- The employer's queue reads review items of its unit.
create index review_item_unit on review_item (kind, scope_employer_id, state) where scope_employer_id is not null;

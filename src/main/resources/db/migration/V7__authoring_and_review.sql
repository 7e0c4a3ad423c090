-- Identity: where a staff account acts (HR departments and industry authorities by level, city and
-- sector; domain.md "Sectors and levels"). Null for learners and editors.
alter table account add column scope_level varchar(8) check (scope_level in ('PROVINCE','CITY'));
alter table account add column scope_city char(4);
alter table account add column scope_sector varchar(16)
    check (scope_sector in ('EDUCATION','HEALTH','ACCOUNTING','ENGINEERING','AGRICULTURE','ECONOMICS','CULTURE','RESEARCH','OTHER'));
alter table account add constraint account_city_scope check ((scope_level = 'CITY') = (scope_city is not null));
-- the only staff accounts before scopes existed are the demo ones: the provincial HR department and
-- the provincial engineering authority
update account set scope_level = 'PROVINCE' where roles like '%HR_ADMIN%';
update account set scope_level = 'PROVINCE', scope_sector = 'ENGINEERING' where roles like '%AUTHORITY_REVIEWER%';
-- an HR or authority account without a scope would act nowhere; refuse to make one
alter table account add constraint account_staff_scope check (
    (roles not like '%HR_ADMIN%' or scope_level is not null)
    and (roles not like '%AUTHORITY_REVIEWER%' or (scope_level is not null and scope_sector is not null)));

-- Catalog: courses written by editors. A course row is one version; it is a draft until its review
-- is approved (published_at), and once published it never changes again: editing makes a new
-- draft version with the same code, which replaces it in the catalog when it is published.
alter table course add column category varchar(16) not null default 'PUBLIC' check (category in ('PUBLIC','PROFESSIONAL'));
alter table course add column sector varchar(16)
    check (sector in ('EDUCATION','HEALTH','ACCOUNTING','ENGINEERING','AGRICULTURE','ECONOMICS','CULTURE','RESEARCH','OTHER'));
alter table course add constraint course_sector_of_professional check ((category = 'PROFESSIONAL') = (sector is not null));
alter table course add column description text not null default '';
alter table course add column guide_markdown text not null default '';
alter table course add column cover_key varchar(200);
alter table course add column owner_account_id bigint references account(id);
alter table course add column questions_per_attempt int check (questions_per_attempt between 1 and 100);
alter table course add column pass_mark int check (pass_mark between 1 and 100);
alter table course add column published_at timestamptz;
alter table course alter column content_hash drop not null;
update course set published_at = created_at;
drop index course_current;
-- one published current version and at most one open draft per course
create unique index course_current on course (subject_id, code) where superseded_at is null and published_at is not null;
create unique index course_one_draft on course (subject_id, code) where published_at is null and superseded_at is null;

-- a draft's lesson may have no video yet; a published one always has (CourseIntegrity)
alter table lesson alter column duration_ms drop not null;
alter table lesson alter column object_key drop not null;
alter table lesson alter column content_type drop not null;
alter table lesson alter column size_bytes drop not null;
alter table lesson add column caption_key varchar(200);
alter table lesson drop constraint lesson_course_id_position_key;
alter table lesson add constraint lesson_course_position unique (course_id, position) deferrable initially deferred;

-- Media: a browser's multipart upload straight to the object store, until it completes or is aborted.
create table media_upload (
    id              uuid primary key,
    owner_account_id bigint      not null references account(id),
    target          varchar(100) not null,                 -- what the file is for, e.g. lesson:12
    object_key      varchar(200) not null unique,
    s3_upload_id    varchar(300) not null,
    file_name       varchar(200) not null,
    size_bytes      bigint       not null check (size_bytes > 0),
    part_size_bytes bigint       not null check (part_size_bytes >= 5242880),
    state           varchar(12)  not null check (state in ('OPEN','COMPLETED','REFUSED','ABORTED')),
    content_type    varchar(40),
    duration_ms     int,
    created_at      timestamptz  not null,
    finished_at     timestamptz
);
create index media_upload_open on media_upload (created_at) where state = 'OPEN';

-- Review: every approval this platform has (courseware now; class plans, declarations and year
-- confirmations next). The item's state changes only through ReviewService, which records each
-- transition in the same transaction.
create table review_item (
    id              bigserial primary key,
    kind            varchar(24)  not null check (kind in ('COURSE','CLASS_PLAN','DECLARATION','YEAR_CONFIRMATION')),
    subject_id      bigint       not null,                 -- the reviewed thing's id in its own feature
    title           varchar(200) not null,
    owner_account_id bigint      not null references account(id),
    scope_level     varchar(8)   not null check (scope_level in ('PROVINCE','CITY')),
    scope_city      char(4),
    scope_sector    varchar(16)
        check (scope_sector in ('EDUCATION','HEALTH','ACCOUNTING','ENGINEERING','AGRICULTURE','ECONOMICS','CULTURE','RESEARCH','OTHER')),
    scope_employer_id bigint,
    state           varchar(12)  not null check (state in ('DRAFT','SUBMITTED','APPROVED','RETURNED')),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    unique (kind, subject_id)
);
create index review_item_queue on review_item (kind, state, scope_level, scope_sector);

create table review_transition (
    id              bigserial primary key,
    item_id         bigint       not null references review_item(id),
    from_state      varchar(12)  check (from_state in ('DRAFT','SUBMITTED','APPROVED','RETURNED')),
    to_state        varchar(12)  not null check (to_state in ('DRAFT','SUBMITTED','APPROVED','RETURNED')),
    action          varchar(12)  not null check (action in ('OPEN','SUBMIT','APPROVE','RETURN')),
    actor_account_id bigint      not null references account(id),
    actor_name      varchar(100) not null,
    actor_role      varchar(24)  not null check (actor_role in ('PROFESSIONAL','EDITOR','EMPLOYER_ADMIN','AUTHORITY_REVIEWER','HR_ADMIN','SYSTEM')),
    reason          varchar(1000),
    at              timestamptz  not null,
    check (action <> 'RETURN' or reason is not null)
);
create index review_transition_item on review_transition (item_id, id);

create function review_transition_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'review_transition is append-only: % refused', tg_op using errcode = 'P0001';
end $$;
create trigger review_transition_no_update before update or delete on review_transition
    for each row execute function review_transition_append_only();

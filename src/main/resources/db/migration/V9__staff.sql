-- The employer's staff: who works where, and since when.

-- Employment history. A professional's record (and their hours) belongs to the person; the unit
-- they work for changes. The unit sees them from from_date; when they leave or move, the row gets
-- its until_date and the old unit no longer sees them. professional.employer_id stays the current
-- unit and is kept in step by the same transaction.
create table employment (
    id              bigserial primary key,
    professional_id bigint       not null references professional(id),
    employer_id     bigint       not null references employer(id),
    from_date       date         not null,
    until_date      date,                                   -- null: the current employment
    recorded_by     varchar(64)  not null,                  -- the account that recorded it, or 'migration'
    recorded_at     timestamptz  not null,
    ended_by        varchar(64),
    ended_at        timestamptz,
    check (until_date is null or until_date >= from_date),
    check ((until_date is null) = (ended_by is null))
);
-- At most one current unit per person: two imports racing to move someone cannot both win.
create unique index employment_one_current on employment (professional_id) where until_date is null;
-- The unit's staff list reads its current employments.
create index employment_current_staff on employment (employer_id, professional_id) where until_date is null;
create index employment_of_professional on employment (professional_id, from_date);

insert into employment (professional_id, employer_id, from_date, recorded_by, recorded_at)
select id, employer_id, (created_at at time zone 'Asia/Shanghai')::date, 'migration', now()
  from professional where employer_id is not null;

-- Imports look people up by ID number (already unique, so indexed) and list a unit's staff by name.
create index professional_by_employer on professional (employer_id) where employer_id is not null;

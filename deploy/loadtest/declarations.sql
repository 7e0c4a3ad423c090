-- 1,000 declarations of 1,000 benchmark learners, submitted to one benchmark unit whose administrator
-- confirms them (run.sh, "declarations"). Each run adds 1,000 more.
insert into employer (name, credit_code, city_code) values ('压测单位', '91440101BENCH0001X', '4401') on conflict (credit_code) do nothing;
insert into account (username, password_hash, display_name, roles, employer_id)
select 'bench-admin', 'none', '压测单位管理员', 'EMPLOYER_ADMIN', id from employer where credit_code = '91440101BENCH0001X'
on conflict (username) do nothing;
insert into account (username, password_hash, display_name, roles) values ('bench-declarant', 'none', '压测申报人', 'PROFESSIONAL')
on conflict (username) do nothing;

with unit as (select id from employer where credit_code = '91440101BENCH0001X'),
     declarant as (select id from account where username = 'bench-declarant'),
     y as (select extract(year from now() at time zone 'Asia/Shanghai')::int as year),
     d as (
    insert into declaration (professional_id, account_id, employer_id, year, category, activity, title, organiser, started_on,
                             ended_on, quantity, hours_per_unit, hours, created_at, updated_at)
    select p.id, (select id from declarant), (select id from unit), y.year, 'ELECTIVE', 'TRAINING', '压测培训', '压测中心',
           make_date(y.year, 1, 2), make_date(y.year, 1, 3), 2, 1, 2, now(), now()
      from (select id from professional where id_number like 'B%' order by id limit 1000) p, y
    returning id),
     i as (
    insert into review_item (kind, subject_id, title, owner_account_id, scope_level, scope_city, scope_sector, scope_employer_id,
                             state, created_at, updated_at)
    select 'DECLARATION', d.id, '压测培训', (select id from declarant), 'CITY', '4401', 'OTHER', (select id from unit), 'SUBMITTED',
           now(), now() from d
    returning id)
insert into review_transition (item_id, from_state, to_state, action, actor_account_id, actor_name, actor_role, at)
select i.id, 'DRAFT', 'SUBMITTED', 'SUBMIT', (select id from declarant), '压测申报人', 'PROFESSIONAL', now() from i;

-- :n professionals of one benchmark unit, each with this year's requirement met (30 public, 42
-- professional, 18 elective, as ledger entries), none confirmed yet; and the unit's administrator
-- (run.sh, "certificates"). A second run moves on to a fresh unit.
insert into employer (name, credit_code, city_code)
select '证书压测单位' || n, '91440101CERT' || lpad(n::text, 5, '0') || 'X', '4401'
  from (select coalesce(max(substr(credit_code, 13, 5)::int), 0) + 1 as n from employer where credit_code like '91440101CERT%') s;
insert into account (username, password_hash, display_name, roles, employer_id)
select 'bench-cert-admin-' || id, 'none', '证书压测单位管理员', 'EMPLOYER_ADMIN', id from employer
 where credit_code = (select max(credit_code) from employer where credit_code like '91440101CERT%');

with unit as (select max(id) as id from employer where credit_code like '91440101CERT%'),
     base as (select coalesce(max(substr(id_number, 2)::bigint), 0) as b from professional where id_number like 'C%'),
     people as (
    insert into professional (name, id_number, birth_date, employer_id, title_level, sector, city_code)
    select '证书' || g, 'C' || lpad((base.b + g)::text, 17, '0'), date '1990-01-01', unit.id, 'INTERMEDIATE', 'OTHER', '4401'
      from generate_series(1, :n) g, unit, base
    returning id),
     y as (select extract(year from now() at time zone 'Asia/Shanghai')::int as year)
insert into hour_entry (professional_id, year, category, source, source_ref, kind, status, hours, title, recorded_by, recorded_at)
select p.id, y.year, c.category, 'ADJUSTMENT', 'bench-cert:' || c.category, 'CREDIT', 'CONFIRMED', c.hours, '压测学时', 'bench', now()
  from people p, y, (values ('PUBLIC', 30), ('PROFESSIONAL', 42), ('ELECTIVE', 18)) c(category, hours);

-- Benchmark learners (ID numbers starting with B), each with an active session on a two-hour lesson.
-- Run with psql -v n=COUNT.
-- The benchmark course is marked superseded so it never shows in the catalog.
insert into subject (year, code, title, guide_markdown, content_hash, version, position)
values (2026, 'bench', '压测专题', '压测专题', repeat('0', 64), 1, 99) on conflict (year, code) do nothing;
insert into course (subject_id, code, version, title, hours, content_hash, position, superseded_at)
select id, 'bench', 1, '压测课程', 1, repeat('0', 64), 0, now() from subject where year = 2026 and code = 'bench'
on conflict do nothing;
insert into lesson (course_id, position, title, duration_ms, object_key, content_type, size_bytes)
select c.id, 1, '两小时讲座', 7200000, 'lessons/bench.mp4', 'video/mp4', 1 from course c where c.code = 'bench'
   and not exists (select 1 from lesson l where l.course_id = c.id);

insert into professional (name, id_number, birth_date, employer_id, title_level, sector, city_code)
select 'bench-' || g, 'B' || lpad(g::text, 17, '0'), date '1990-01-01', (select min(id) from employer), 'INTERMEDIATE',
       'OTHER', '4401'
from generate_series(1, :n) g
on conflict (id_number) do nothing;

update playback_session set status = 'ENDED'
 where status = 'ACTIVE' and professional_id in (select id from professional where id_number like 'B%');
insert into lesson_progress (professional_id, lesson_id)
select p.id, l.id from professional p, lesson l where p.id_number like 'B%' and l.object_key = 'lessons/bench.mp4'
on conflict do nothing;
insert into playback_session (id, professional_id, lesson_id, status, started_at, last_beat_at, last_position_ms,
                              attention_due_at)
select gen_random_uuid(), p.id, l.id, 'ACTIVE', now(), now(), 0, now() + interval '12 hours'
from professional p, lesson l
where p.id_number like 'B%' and l.object_key = 'lessons/bench.mp4' and p.id in (
    select id from professional where id_number like 'B%' order by id limit :n);
update lesson_progress set watched = '', watched_ms = 0, position_ms = 0, completed_at = null
 where lesson_id = (select id from lesson where object_key = 'lessons/bench.mp4');
-- each learner's credit clock starts with the session, as a session start through the API does
insert into watch_clock (professional_id, credited_until)
select id, now() from professional where id_number like 'B%'
on conflict (professional_id) do update set credited_until = excluded.credited_until;
delete from watch_day where professional_id in (select id from professional where id_number like 'B%');

-- Each learner's watch budget, across all their sessions and lessons: the server time up to which
-- they have been credited. A heartbeat may earn at most the server time since then (at the maximum
-- rate) plus one tolerance, so beats sent faster than real time, in series or in parallel, on one
-- session or many, earn nothing beyond that bound. The heartbeat locks this row, which also
-- serialises a learner's beats across instances. NULL: never credited yet.
create table watch_clock (
    professional_id bigint      primary key references professional(id),
    credited_until  timestamptz
);
insert into watch_clock (professional_id)
select distinct professional_id from playback_session;

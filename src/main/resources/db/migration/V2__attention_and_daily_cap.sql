-- An idle player stops earning until the learner confirms they are there.
alter table playback_session add column attention_due_at timestamptz;

-- Online credit per learner and day (province calendar), for the daily cap.
create table watch_day (
    professional_id bigint  not null references professional(id),
    day             date    not null,
    credited_ms     int     not null default 0,
    primary key (professional_id, day)
);

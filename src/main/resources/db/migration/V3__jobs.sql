-- Scheduled jobs run once per slot across every instance: the first to insert the slot runs it.
create table job_run (
    job         varchar(40)  not null,
    slot        bigint       not null,            -- start of the slot, epoch seconds
    instance    varchar(64)  not null,
    started_at  timestamptz  not null,
    affected    int,
    primary key (job, slot)
);

-- Sessions silent for long are ended by the sweep, so the one-active index stays small.
alter table playback_session drop constraint playback_session_status_check;
alter table playback_session add constraint playback_session_status_check check (status in ('ACTIVE','SUSPENDED','ENDED'));

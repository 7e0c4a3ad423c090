-- Wrong passwords are counted per sign-in name, whether or not an account has that name, so a
-- pause answers known and unknown names alike and tells nobody which names exist. An attempt is
-- counted (and the pause it would earn set) before its password is checked, under this row's lock,
-- so parallel attempts cannot check more passwords than the pause allows.
create table sign_in_throttle (
    name            varchar(64)  primary key,              -- the username as typed, trimmed and lower-cased
    failures        int          not null default 0,       -- consecutive, counting attempts still being checked
    paused_until    timestamptz,
    last_attempt_at timestamptz  not null
);
create index sign_in_throttle_stale on sign_in_throttle (last_attempt_at);

alter table account drop column failed_logins, drop column locked_until;

-- Shipped demonstration courses (short videos standing for long lessons) may break the course
-- integrity rules; they are imported only where the demo accounts are seeded, and every page that
-- shows one says so.
alter table course add column demo boolean not null default false;

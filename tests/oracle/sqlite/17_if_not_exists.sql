-- IF NOT EXISTS leaves existing objects as they are.
CREATE TABLE IF NOT EXISTS t (a TEXT);
CREATE TABLE IF NOT EXISTS t (b INTEGER, c INTEGER);
create table if not exists main.u (x);
CREATE INDEX IF NOT EXISTS ti ON t (a);
CREATE INDEX IF NOT EXISTS ti ON t (a DESC);

-- Unique and partial indexes.
CREATE TABLE h (id INTEGER PRIMARY KEY, cmd TEXT, ts INTEGER, deleted_at INTEGER);
CREATE UNIQUE INDEX h_cmd ON h (cmd, ts);
create index if not exists h_live on h(ts)
where deleted_at is null;
CREATE UNIQUE INDEX h_live_cmd ON h (cmd) WHERE deleted_at IS NULL AND ts > 0;

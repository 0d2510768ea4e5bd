-- A renamed column inside a partial index's WHERE and an expression key.
CREATE TABLE h (id INTEGER PRIMARY KEY, deleted_at INTEGER, "Host Name" TEXT);
CREATE INDEX h_live ON h (lower("Host Name")) WHERE deleted_at IS NULL;
ALTER TABLE h RENAME COLUMN deleted_at TO removed_at;
ALTER TABLE h RENAME COLUMN "Host Name" TO host;

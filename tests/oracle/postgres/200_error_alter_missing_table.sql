-- expect-error: relation "missing" does not exist
-- ALTER TABLE on a table that does not exist.
CREATE TABLE present (id integer);
ALTER TABLE present ADD COLUMN a integer;
ALTER TABLE missing ADD COLUMN a integer;

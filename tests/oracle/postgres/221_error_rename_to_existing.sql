-- expect-error: relation "b" already exists
-- RENAME TO the name of another table.
CREATE TABLE a (id integer);
CREATE TABLE b (id integer);
ALTER TABLE a RENAME TO b;

-- expect-error: type "mood" does not exist
-- A column of a type that was never created.
CREATE TABLE t (id integer);
ALTER TABLE t ADD COLUMN feeling mood;

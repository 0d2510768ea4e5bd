-- expect-error: column "name" of relation "t" already exists
-- ADD COLUMN of a column the table already has.
CREATE TABLE t (id integer, name text);
ALTER TABLE t ADD COLUMN IF NOT EXISTS name text;
ALTER TABLE t ADD COLUMN name varchar(10);

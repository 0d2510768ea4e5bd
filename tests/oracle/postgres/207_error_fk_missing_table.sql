-- expect-error: relation "missing" does not exist
-- A foreign key to a table that does not exist.
CREATE TABLE t (
    id integer PRIMARY KEY,
    other_id integer REFERENCES missing (id)
);

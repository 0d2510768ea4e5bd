-- expect-error: multiple primary keys for table "t" are not allowed
-- A second primary key on a table.
CREATE TABLE t (id integer PRIMARY KEY, other integer);
ALTER TABLE t ADD PRIMARY KEY (other);

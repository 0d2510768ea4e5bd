-- Dropping a serial column drops its sequence; renaming the column or table keeps the
-- sequence's name and the default follows.
CREATE TABLE t (id serial PRIMARY KEY, counter bigserial, other serial);
ALTER TABLE t DROP COLUMN counter;
ALTER TABLE t RENAME COLUMN other TO renamed;
ALTER TABLE t RENAME TO t2;
ALTER SEQUENCE t_id_seq RENAME TO t2_id_seq;

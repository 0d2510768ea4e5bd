-- expect-error: column "nope" does not exist
-- CREATE INDEX on a column the table does not have.
CREATE TABLE t (a integer);
CREATE INDEX t_nope ON t (nope);

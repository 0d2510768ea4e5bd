-- expect-error: relation "t_a" already exists
-- CREATE INDEX with the name of an existing index.
CREATE TABLE t (a integer, b integer);
CREATE INDEX t_a ON t (a);
CREATE INDEX IF NOT EXISTS t_a ON t (b);
CREATE INDEX t_a ON t (b);

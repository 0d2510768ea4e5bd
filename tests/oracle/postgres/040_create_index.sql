-- CREATE [UNIQUE] INDEX [IF NOT EXISTS] on one or several columns, ON ONLY.
CREATE TABLE t (id integer, a text, b integer, c date);
CREATE INDEX t_a ON t (a);
CREATE UNIQUE INDEX t_id ON t (id);
CREATE INDEX t_b_c ON t (b, c);
CREATE INDEX IF NOT EXISTS t_a ON t (b);
CREATE INDEX IF NOT EXISTS t_c ON t USING btree (c);
CREATE INDEX t_only ON ONLY t (a, id);

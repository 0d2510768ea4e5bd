-- expect-error
-- Duplicate output names.
CREATE TABLE t (id INT);
CREATE TABLE u (id INT);
CREATE VIEW v AS SELECT * FROM t, u;

-- expect-error
-- ALTER VIEW and CREATE OR REPLACE VIEW on a table.
CREATE TABLE t (id INT);
ALTER VIEW missing AS SELECT 1;

-- expect-error
-- CHECK OPTION needs an updatable view.
CREATE TABLE t (a INT);
CREATE VIEW v AS SELECT a, count(*) AS n FROM t GROUP BY a WITH CHECK OPTION;

-- Views built on common table expressions and subqueries.
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL);
CREATE VIEW top AS WITH best AS (SELECT id, score FROM t WHERE score > 1) SELECT best.id, best.score, t.name FROM best JOIN t ON t.id = best.id;
CREATE VIEW sub AS SELECT s.id AS sid, s.name FROM (SELECT id, name FROM t) AS s;

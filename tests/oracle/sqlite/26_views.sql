-- Views: stored text and output columns (names and declared types of their sources).
CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(40), price NUMERIC(10,2), note);
CREATE VIEW v_all AS SELECT * FROM t;
CREATE VIEW v_some AS SELECT id, name AS label, price FROM t WHERE id > 0;
CREATE VIEW v_cols (a, b) AS SELECT id, name FROM t;
create view if not exists v_q as select t.id, t.note from t;
CREATE VIEW v_expr AS SELECT 'x', 1, 1.5, x'00', NULL, id + 1, CAST(name AS TEXT), CAST(id AS INTEGER), count(*), name || 'y', upper(name), (SELECT max(id) FROM t), -id FROM t;

-- CREATE TABLE ... AS SELECT: SQLite writes its own definition from the query's columns.
CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(40), price NUMERIC(10,2), ratio REAL, raw);
CREATE TABLE copy AS SELECT * FROM t;
CREATE TABLE short AS SELECT id, name AS "select", 1 + 1, CAST(ratio AS TEXT) FROM t;
CREATE TABLE a_table_with_a_rather_long_name AS SELECT id AS identifier_number, name AS display_name FROM t;

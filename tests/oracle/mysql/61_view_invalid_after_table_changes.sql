-- A view whose table or column goes away stays listed without columns, and comes back.
CREATE TABLE src (a INT NOT NULL, b VARCHAR(10));
CREATE VIEW on_src AS SELECT a, b FROM src;
CREATE VIEW star_src AS SELECT * FROM src;
CREATE VIEW on_view AS SELECT a FROM on_src;
ALTER TABLE src DROP COLUMN b;
ALTER TABLE src ADD COLUMN c INT;
CREATE TABLE other (z INT);
DROP TABLE other;
RENAME TABLE src TO src_old;
CREATE TABLE src (a BIGINT, b CHAR(4) NOT NULL, extra INT);

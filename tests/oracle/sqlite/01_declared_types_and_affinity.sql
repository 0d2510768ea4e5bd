-- Type names from SQLite's datatype documentation, kept as written; built-in names upper-cased.
CREATE TABLE t (
  a INT, b integer, c TinyInt, d SMALLINT, e MEDIUMINT, f BIGINT,
  g UNSIGNED BIG INT, h INT2, i INT8,
  j CHARACTER(20), k VARCHAR(255), l VARYING CHARACTER(255), m NCHAR(55),
  n NATIVE CHARACTER(70), o NVARCHAR(100), p text, q CLOB,
  r blob, s,
  u real, v DOUBLE, w DOUBLE PRECISION, x FLOAT,
  y NUMERIC, z DECIMAL(10,5), aa BOOLEAN, ab DATE, ac DATETIME
);

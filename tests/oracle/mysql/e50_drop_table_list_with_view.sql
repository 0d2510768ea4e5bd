-- expect-error
-- DROP TABLE drops every table it can, in order, then reports a view named in the list.
CREATE TABLE a1 (x INT);
CREATE TABLE a2 (x INT);
CREATE VIEW v1 AS SELECT x FROM a1;
DROP TABLE a1, v1, nope, a2;

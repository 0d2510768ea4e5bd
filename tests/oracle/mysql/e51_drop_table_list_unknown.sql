-- expect-error
-- DROP TABLE drops the tables it finds, then lists the unknown ones.
CREATE TABLE b1 (x INT);
CREATE TABLE b2 (x INT);
CREATE TABLE b3 (x INT);
DROP TABLE b1, nope2, nope3, b2;

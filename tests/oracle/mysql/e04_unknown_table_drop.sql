-- expect-error
CREATE TABLE a (x INT);
DROP TABLE nope;

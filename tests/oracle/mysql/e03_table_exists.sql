-- expect-error
CREATE TABLE a (x INT);
CREATE TABLE a (y INT);

-- expect-error
CREATE TABLE a (x INT);
CREATE TABLE b (x INT);
RENAME TABLE a TO b;

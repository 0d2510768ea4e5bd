-- expect-error
CREATE TABLE a (x INT);
RENAME TABLE nope TO b;

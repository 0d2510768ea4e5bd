-- expect-error
CREATE TABLE a (x INT, KEY (y));

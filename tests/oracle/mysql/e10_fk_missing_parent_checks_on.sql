-- expect-error
CREATE TABLE a (x INT);
CREATE TABLE c (x INT REFERENCES nope (id));

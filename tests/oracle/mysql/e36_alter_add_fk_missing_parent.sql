-- expect-error
CREATE TABLE c (x INT);
ALTER TABLE c ADD FOREIGN KEY (x) REFERENCES nope (id);

-- expect-error
CREATE TABLE p (a, b, PRIMARY KEY (a, b));
CREATE TABLE c (x, FOREIGN KEY (x) REFERENCES p (a, b));

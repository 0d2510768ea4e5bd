-- expect-error
CREATE TABLE p (id INT PRIMARY KEY, nk INT);
CREATE TABLE c (x INT REFERENCES p (nk));

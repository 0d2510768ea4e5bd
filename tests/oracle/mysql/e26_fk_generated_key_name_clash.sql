-- expect-error
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE c (x INT, y INT, FOREIGN KEY (x) REFERENCES p (id), KEY x (y));

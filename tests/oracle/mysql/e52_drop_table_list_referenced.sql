-- expect-error
-- A referenced parent stays; the other tables of the list go.
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE c (p INT, FOREIGN KEY (p) REFERENCES p (id));
CREATE TABLE q (x INT);
CREATE TABLE r (x INT);
DROP TABLE q, nope, p, r;

-- expect-error: cannot drop table p because other objects depend on it
-- DROP TABLE without CASCADE when another table's foreign key references it.
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (p_id integer REFERENCES p);
DROP TABLE p;

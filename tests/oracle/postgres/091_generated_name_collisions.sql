-- Generated names that collide get numeric suffixes: checks on the same column, unique
-- keys clashing with existing relations, foreign keys over the same columns.
CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE);
CREATE TABLE t (
    a integer CHECK (a > 0) CHECK (a < 100),
    b integer,
    code text
);
CREATE INDEX t_b_key ON t (b);
ALTER TABLE t ADD UNIQUE (b);
ALTER TABLE t ADD UNIQUE (b);
ALTER TABLE t ADD CHECK (a <> 50);
ALTER TABLE t ADD FOREIGN KEY (code) REFERENCES p (code);
ALTER TABLE t ADD FOREIGN KEY (code) REFERENCES p (code);
CREATE TABLE t_pkey (id integer);
CREATE TABLE u (id integer PRIMARY KEY);
CREATE TABLE t2 (id integer);
CREATE TABLE t2_pkey1 (id integer);
CREATE TABLE "t2_pkey" (id integer);
ALTER TABLE t2 ADD PRIMARY KEY (id);

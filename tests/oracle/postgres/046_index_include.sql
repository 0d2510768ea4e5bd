-- Covering indexes with INCLUDE, unique and plain.
CREATE TABLE c (id integer, a text, b integer, d date);
CREATE UNIQUE INDEX c_id_incl ON c (id) INCLUDE (a, b);
CREATE INDEX c_b_incl ON c (b DESC) INCLUDE (d) WHERE b > 0;
CREATE TABLE k (id integer, v text, CONSTRAINT k_id_key UNIQUE (id) INCLUDE (v));

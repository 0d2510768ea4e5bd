-- ALTER INDEX [IF EXISTS] RENAME TO; renaming the index of a primary key or unique
-- constraint renames the constraint too.
CREATE TABLE t (id integer PRIMARY KEY, code text UNIQUE, n integer);
CREATE INDEX t_n ON t (n);
ALTER INDEX t_n RENAME TO t_n_idx;
ALTER INDEX t_pkey RENAME TO t_primary;
ALTER INDEX t_code_key RENAME TO t_code_unique;
ALTER INDEX IF EXISTS missing RENAME TO whatever;

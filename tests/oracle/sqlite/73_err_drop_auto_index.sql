-- expect-error
CREATE TABLE t (a TEXT UNIQUE);
DROP INDEX sqlite_autoindex_t_1;

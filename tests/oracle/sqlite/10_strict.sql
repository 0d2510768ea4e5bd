-- STRICT tables accept only the built-in type names.
CREATE TABLE s (id INTEGER PRIMARY KEY, n int, r REAL, t TEXT, b BLOB, x ANY) STRICT;

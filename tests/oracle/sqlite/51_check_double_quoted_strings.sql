-- A CHECK may compare with a double-quoted string when no column has that name.
CREATE TABLE t (status TEXT CHECK (status IN ("active", "closed")), kind TEXT CHECK (kind <> "x"));

-- ALTER TABLE DROP [COLUMN] [IF EXISTS]: the column's indexes, constraints and default go
-- with it, including multi-column ones, and later columns keep their order.
CREATE TABLE t (
    id integer PRIMARY KEY,
    a integer,
    b integer,
    c text UNIQUE,
    d integer CHECK (d > a),
    e integer
);
CREATE INDEX t_a_b ON t (a, b);
CREATE INDEX t_e ON t (e);
ALTER TABLE t DROP COLUMN a;
ALTER TABLE t DROP c;
ALTER TABLE t DROP COLUMN IF EXISTS missing;
ALTER TABLE t DROP COLUMN IF EXISTS e;

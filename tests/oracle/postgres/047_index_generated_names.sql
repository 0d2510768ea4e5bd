-- CREATE INDEX without a name: <table>_<columns>_idx, expressions named after the
-- function (or "expr"), numeric suffixes on collisions.
CREATE TABLE t (a integer, b text, c text);
CREATE INDEX ON t (a);
CREATE INDEX ON t (a);
CREATE INDEX ON t (a, b);
CREATE INDEX ON t (lower(b));
CREATE INDEX ON t ((a + 1));
CREATE INDEX ON t ((a * 2), c);
CREATE UNIQUE INDEX ON t (c);
CREATE INDEX ON t (b) WHERE a > 0;
CREATE INDEX ON t (a, (a + 2), b);

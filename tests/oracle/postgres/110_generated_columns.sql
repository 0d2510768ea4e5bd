-- GENERATED ALWAYS AS (...) STORED columns, and dropping the expression.
CREATE TABLE g (
    a integer,
    b integer,
    total integer GENERATED ALWAYS AS (a + b) STORED,
    label text GENERATED ALWAYS AS ('#' || a::text) STORED,
    doubled integer GENERATED ALWAYS AS (a * 2) STORED
);
ALTER TABLE g ADD COLUMN tripled integer GENERATED ALWAYS AS (a * 3) STORED;
ALTER TABLE g ALTER COLUMN doubled DROP EXPRESSION;

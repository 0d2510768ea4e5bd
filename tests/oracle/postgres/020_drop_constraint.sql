-- ALTER TABLE DROP CONSTRAINT [IF EXISTS]; dropping a primary key or unique constraint
-- drops its index, dropping a primary key keeps NOT NULL.
CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE, n integer CHECK (n > 0));
CREATE TABLE c (id integer, p_id integer REFERENCES p);
ALTER TABLE c DROP CONSTRAINT c_p_id_fkey;
ALTER TABLE p DROP CONSTRAINT p_pkey;
ALTER TABLE p DROP CONSTRAINT p_code_key;
ALTER TABLE p DROP CONSTRAINT IF EXISTS p_n_check;
ALTER TABLE p DROP CONSTRAINT IF EXISTS no_such_constraint;

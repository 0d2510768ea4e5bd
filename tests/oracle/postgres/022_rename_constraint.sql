-- ALTER TABLE RENAME CONSTRAINT: a primary key or unique constraint's index is renamed
-- with it.
CREATE TABLE r (id integer PRIMARY KEY, code text UNIQUE, n integer CHECK (n > 0), o integer REFERENCES r);
ALTER TABLE r RENAME CONSTRAINT r_pkey TO r_primary;
ALTER TABLE r RENAME CONSTRAINT r_code_key TO r_code_unique;
ALTER TABLE r RENAME CONSTRAINT r_n_check TO r_n_positive;
ALTER TABLE r RENAME CONSTRAINT r_o_fkey TO r_parent;

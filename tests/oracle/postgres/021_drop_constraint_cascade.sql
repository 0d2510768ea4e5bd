-- Dropping a unique constraint that a foreign key depends on needs CASCADE, which drops
-- the foreign key too.
CREATE TABLE p (id integer, code text CONSTRAINT p_code UNIQUE);
CREATE TABLE c (code text REFERENCES p (code));
ALTER TABLE p DROP CONSTRAINT p_code CASCADE;

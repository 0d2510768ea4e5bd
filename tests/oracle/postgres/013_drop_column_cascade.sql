-- DROP COLUMN ... CASCADE removes the view and the foreign key that depend on the column.
CREATE TABLE p (id integer PRIMARY KEY, code text UNIQUE, label text);
CREATE TABLE q (id integer, p_code text REFERENCES p (code));
CREATE VIEW labels AS SELECT id, label FROM p;
ALTER TABLE p DROP COLUMN code CASCADE;
ALTER TABLE p DROP COLUMN label CASCADE;

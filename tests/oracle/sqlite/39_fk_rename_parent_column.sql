-- Foreign keys of other tables follow a renamed parent column.
CREATE TABLE p (id TEXT PRIMARY KEY, code TEXT UNIQUE);
CREATE TABLE c (p_code TEXT REFERENCES p (code), FOREIGN KEY (p_code) REFERENCES p (code));
ALTER TABLE p RENAME COLUMN code TO ref_code;

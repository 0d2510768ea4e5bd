-- A quoted new name is written quoted; a quoted old token is replaced by a quoted name.
CREATE TABLE q ("a" TEXT, b TEXT, [c] TEXT);
ALTER TABLE q RENAME COLUMN a TO aa;
ALTER TABLE q RENAME COLUMN b TO "b b";
ALTER TABLE q RENAME COLUMN c TO cc;

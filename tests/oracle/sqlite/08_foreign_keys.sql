-- Foreign keys: column and table level, composite, actions, implied parent key.
CREATE TABLE parent (id TEXT PRIMARY KEY, a INTEGER, b INTEGER, UNIQUE (a, b));
CREATE TABLE child (
  id INTEGER PRIMARY KEY,
  parent_id TEXT REFERENCES parent (id) ON DELETE CASCADE,
  other_id TEXT REFERENCES parent ON UPDATE SET NULL,
  a INTEGER,
  b INTEGER,
  FOREIGN KEY (a, b) REFERENCES parent (a, b) ON DELETE SET DEFAULT ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (parent_id) REFERENCES parent (id) MATCH FULL ON DELETE NO ACTION
);
CREATE TABLE orphan (x TEXT REFERENCES missing_table (id));

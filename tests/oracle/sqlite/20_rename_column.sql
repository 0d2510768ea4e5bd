-- RENAME COLUMN rewrites the table, its indexes and foreign keys that point at it.
CREATE TABLE ciphers (
  uuid TEXT NOT NULL PRIMARY KEY,
  type INTEGER NOT NULL CHECK (type >= 0),
  key TEXT,
  parent TEXT REFERENCES ciphers (uuid),
  UNIQUE (key, type)
);
CREATE TABLE attachments (id TEXT PRIMARY KEY, cipher_uuid TEXT REFERENCES ciphers (uuid), k TEXT);
CREATE INDEX ciphers_type ON ciphers (type, lower(key)) WHERE type > 0;
ALTER TABLE ciphers RENAME COLUMN type TO atype;
ALTER TABLE ciphers RENAME key TO akey;
ALTER TABLE ciphers RENAME COLUMN uuid TO id;

-- RENAME TO quotes the new name, rewrites foreign keys elsewhere and renames auto-indexes.
CREATE TABLE ciphers (uuid TEXT NOT NULL PRIMARY KEY, name TEXT UNIQUE);
CREATE TABLE attachments (id TEXT PRIMARY KEY, cipher_uuid TEXT NOT NULL REFERENCES ciphers (uuid));
CREATE INDEX ciphers_name ON ciphers (name);
ALTER TABLE ciphers RENAME TO oldCiphers;

-- The table-rebuild pattern from SQLite's ALTER TABLE documentation.
CREATE TABLE users (uuid TEXT PRIMARY KEY);
CREATE TABLE ciphers (
  uuid TEXT NOT NULL PRIMARY KEY,
  user_uuid TEXT REFERENCES users (uuid),
  favorite BOOLEAN NOT NULL,
  name TEXT
);
CREATE TABLE favorites (cipher_uuid TEXT NOT NULL REFERENCES ciphers (uuid));
INSERT INTO users VALUES ('u');
INSERT INTO ciphers VALUES ('c', 'u', 1, 'x');
CREATE TABLE new_ciphers(
  uuid TEXT NOT NULL PRIMARY KEY,
  user_uuid TEXT REFERENCES users(uuid),
  name TEXT
);
INSERT INTO new_ciphers(uuid, user_uuid, name) SELECT uuid, user_uuid, name FROM ciphers;
DROP TABLE ciphers;
ALTER TABLE new_ciphers RENAME TO ciphers;

-- With table constraints, added columns go before the first one.
CREATE TABLE uc (
  user_uuid TEXT NOT NULL,
  collection_uuid TEXT NOT NULL,
  PRIMARY KEY (user_uuid, collection_uuid)
);
ALTER TABLE uc ADD COLUMN read_only BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE uc ADD COLUMN hide_passwords BOOLEAN NOT NULL DEFAULT 0;
CREATE TABLE tc (a INTEGER, b INTEGER, UNIQUE (a) CHECK (b > 0));
ALTER TABLE tc ADD COLUMN c TEXT;

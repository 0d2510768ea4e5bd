-- ADD COLUMN appends ", <definition>" where the column list ends.
CREATE TABLE users (
  uuid TEXT NOT NULL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE
);
ALTER TABLE users ADD COLUMN client_kdf_type INTEGER NOT NULL DEFAULT 0; -- PBKDF2
ALTER TABLE users
    ADD COLUMN
    client_kdf_iter INTEGER NOT NULL DEFAULT 100000;
ALTER TABLE users ADD verified_at DATETIME DEFAULT NULL;
ALTER TABLE "users" ADD COLUMN "external_id" TEXT;
ALTER TABLE users ADD COLUMN ref TEXT REFERENCES users (uuid);

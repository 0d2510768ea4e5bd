-- Rename to a temporary name, recreate, copy, drop: the old pattern of many migrations.
CREATE TABLE attachments (id TEXT NOT NULL PRIMARY KEY, cipher_uuid TEXT NOT NULL);
ALTER TABLE attachments RENAME TO oldAttachments;
CREATE TABLE attachments (
  id TEXT NOT NULL PRIMARY KEY,
  cipher_uuid TEXT NOT NULL,
  file_size INTEGER NOT NULL
);
INSERT INTO attachments (id, cipher_uuid, file_size) SELECT id, cipher_uuid, 0 FROM oldAttachments;
DROP TABLE oldAttachments;

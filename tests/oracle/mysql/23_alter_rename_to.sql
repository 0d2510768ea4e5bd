SET FOREIGN_KEY_CHECKS = 0;
CREATE TABLE users (uuid CHAR(36) PRIMARY KEY);
CREATE TABLE ciphers (uuid CHAR(36) PRIMARY KEY, user_uuid CHAR(36) REFERENCES users (uuid));
CREATE TABLE attachments (id CHAR(36) PRIMARY KEY, cipher_uuid CHAR(36) REFERENCES ciphers (uuid));
ALTER TABLE ciphers RENAME TO oldCiphers;
CREATE TABLE ciphers (uuid CHAR(36) PRIMARY KEY, user_uuid CHAR(36) REFERENCES users (uuid));
INSERT INTO ciphers (uuid, user_uuid) SELECT uuid, user_uuid FROM oldCiphers;
DROP TABLE oldCiphers;
ALTER TABLE users RENAME AS people;

-- Dropping and recreating a name starts a new object.
CREATE TABLE sso_nonce (nonce CHAR(36) NOT NULL PRIMARY KEY, created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
DROP TABLE sso_nonce;
CREATE TABLE sso_nonce (state TEXT NOT NULL PRIMARY KEY, nonce TEXT NOT NULL);
DROP TABLE IF EXISTS sso_nonce;
CREATE TABLE sso_nonce (state TEXT NOT NULL PRIMARY KEY, verifier TEXT);

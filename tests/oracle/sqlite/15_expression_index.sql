-- Expression keys have no column (cid -2).
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, username TEXT, hostname TEXT, ts INTEGER);
CREATE UNIQUE INDEX email_unique_idx on users (LOWER(email));
CREATE INDEX host_ts on users(lower(hostname), ts DESC) where ts is not null;
CREATE INDEX len_idx ON users (length(username) COLLATE NOCASE);

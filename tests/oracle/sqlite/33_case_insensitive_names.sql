-- Names are case-insensitive; stored text keeps the spelling written.
CREATE TABLE Users (Id INTEGER PRIMARY KEY, Email TEXT);
CREATE INDEX users_email ON USERS (email);
ALTER TABLE users ADD COLUMN Name TEXT;
ALTER TABLE USERS RENAME COLUMN EMAIL TO mail;

CREATE TABLE devices (uuid CHAR(36) NOT NULL PRIMARY KEY, user_uuid CHAR(36), name TEXT);
ALTER TABLE devices DROP PRIMARY KEY;
ALTER TABLE devices ADD PRIMARY KEY (uuid, user_uuid);

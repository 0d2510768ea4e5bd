-- A rebuild that recreates its indexes after the rename.
CREATE TABLE devices (uuid TEXT NOT NULL PRIMARY KEY, user_uuid TEXT NOT NULL, name TEXT);
CREATE INDEX devices_user ON devices (user_uuid);
CREATE TABLE devices_new (
	uuid	TEXT NOT NULL,
	user_uuid	TEXT NOT NULL,
	name	TEXT,
	PRIMARY KEY(uuid, user_uuid)
);
INSERT INTO devices_new SELECT * FROM devices;
DROP TABLE devices;
ALTER TABLE devices_new RENAME TO devices;
CREATE INDEX devices_user ON devices (user_uuid);

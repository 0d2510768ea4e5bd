-- DROP COLUMN cuts the definition out of the stored text.
CREATE TABLE users (
	id integer primary key autoincrement,               -- own id
	username text not null unique,   -- contact
	middle text,
	created_at timestamp not null default (datetime('now','localtime')),
  verified_at timestamp with time zone default null
);
alter table users drop column verified_at;
ALTER TABLE users DROP middle;
CREATE TABLE c (a INTEGER, b INTEGER, c INTEGER, PRIMARY KEY (a));
ALTER TABLE c DROP COLUMN c;
ALTER TABLE c DROP COLUMN b;

-- AUTOINCREMENT on INTEGER PRIMARY KEY tables.
create table history (
	id integer primary key autoincrement,
	client_id text not null unique, -- the client-generated ID
	created_at timestamp not null default current_timestamp
);
create table sessions (id integer primary key autoincrement, token text unique not null);

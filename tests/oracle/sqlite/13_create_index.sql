-- Plain and multi-column indexes keep their text from the name on.
CREATE TABLE h (id TEXT PRIMARY KEY, host TEXT, tag TEXT, ts INTEGER);
CREATE INDEX host_idx on h (host);
create index   host_tag_idx ON h(host, tag);
CREATE INDEX if not exists ts_idx ON h (
	ts
);

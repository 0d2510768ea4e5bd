-- Access methods: btree, hash, gin, gist, brin, spgist.
CREATE TABLE docs (id integer, body jsonb, tags text[], at timestamptz, loc point, words tsvector, code text);
CREATE INDEX docs_id_hash ON docs USING hash (id);
CREATE INDEX docs_body ON docs USING gin (body);
CREATE INDEX docs_tags ON docs USING GIN (tags);
CREATE INDEX docs_at ON docs USING brin (at);
CREATE INDEX docs_loc ON docs USING gist (loc);
CREATE INDEX docs_words ON docs USING gist (words);
CREATE INDEX docs_code ON docs USING spgist (code);

-- ALTER TABLE RENAME TO: references from foreign keys, views and index definitions follow;
-- generated names of constraints, indexes and serial sequences stay as they were.
CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE);
CREATE TABLE posts (id serial PRIMARY KEY, user_id integer REFERENCES users (id));
CREATE INDEX posts_user ON posts (user_id);
ALTER TABLE users RENAME TO accounts;
ALTER TABLE posts RENAME TO articles;
ALTER TABLE IF EXISTS missing RENAME TO other;

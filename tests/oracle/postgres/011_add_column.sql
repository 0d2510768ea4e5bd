-- ALTER TABLE ADD [COLUMN] [IF NOT EXISTS] with defaults, NOT NULL and inline constraints.
CREATE TABLE items (id integer PRIMARY KEY);
CREATE TABLE owners (id integer PRIMARY KEY);
ALTER TABLE items ADD COLUMN name text;
ALTER TABLE items ADD price numeric(10, 2) NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN IF NOT EXISTS name varchar(10);
ALTER TABLE items ADD COLUMN IF NOT EXISTS sku text UNIQUE;
ALTER TABLE items ADD COLUMN owner_id integer REFERENCES owners ON DELETE CASCADE;
ALTER TABLE items ADD COLUMN weight real CHECK (weight > 0);
ALTER TABLE items ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE ONLY items ADD COLUMN note text COLLATE "C";

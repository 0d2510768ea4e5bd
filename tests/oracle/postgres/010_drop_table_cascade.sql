-- DROP TABLE ... CASCADE drops the foreign keys and views that depend on the table, but
-- keeps the referencing tables.
CREATE TABLE parents (id integer PRIMARY KEY);
CREATE TABLE children (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES parents (id)
);
CREATE VIEW parent_ids AS SELECT id FROM parents;
DROP TABLE parents CASCADE;

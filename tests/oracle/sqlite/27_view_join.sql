-- A view over a join, with qualified stars and duplicate names.
CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id), name TEXT);
CREATE VIEW ab AS SELECT a.*, b.name FROM a JOIN b ON b.a_id = a.id;
CREATE VIEW ab2 AS SELECT a.id, b.id FROM a, b;

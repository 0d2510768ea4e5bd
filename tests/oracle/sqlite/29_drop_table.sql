-- Dropping a table removes its indexes and triggers; IF EXISTS on a missing one is fine.
CREATE TABLE t (a TEXT UNIQUE, b);
CREATE INDEX tb ON t (b);
CREATE TRIGGER tt AFTER INSERT ON t BEGIN SELECT 1; END;
CREATE TABLE keep (x);
DROP TABLE t;
DROP TABLE IF EXISTS t;
DROP TABLE IF EXISTS never_there;

-- PRAGMAs, transactions and data changes leave the schema alone.
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TABLE t (a INTEGER, b TEXT);
INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y');
UPDATE t SET b = 'z' WHERE a = 1;
DELETE FROM t WHERE a = 2;
SELECT * FROM t;
COMMIT;
ANALYZE;

-- String literals in views take the connection character set, which the view records.
SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE words (w VARCHAR(10) CHARACTER SET latin1 NOT NULL);
CREATE VIEW literal_words AS SELECT 'hello' AS greeting, concat('x', 1) AS x1, concat(w, 'y') AS wy FROM words;
SET character_set_client = 'utf8mb3';
SET character_set_connection = 'utf8mb3';
CREATE VIEW literal_words_mb3 AS SELECT 'hello' AS greeting FROM words;
CREATE TABLE IF NOT EXISTS literal_words (x INT);
DROP TABLE IF EXISTS literal_words;

-- ALTER TABLE SET SCHEMA moves the table with its indexes and owned sequences.
CREATE SCHEMA archive;
CREATE TABLE logs (id bigserial PRIMARY KEY, line text);
CREATE INDEX logs_line ON logs (line);
CREATE TABLE refs (log_id bigint REFERENCES logs);
ALTER TABLE logs SET SCHEMA archive;

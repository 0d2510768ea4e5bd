-- ALTER TABLE IF EXISTS on a missing table only raises a notice.
CREATE TABLE present (id integer);
ALTER TABLE IF EXISTS missing ADD COLUMN a integer;
ALTER TABLE IF EXISTS missing DROP COLUMN a;
ALTER TABLE IF EXISTS present ADD COLUMN a integer;
ALTER TABLE IF EXISTS ONLY present ALTER COLUMN a SET NOT NULL;

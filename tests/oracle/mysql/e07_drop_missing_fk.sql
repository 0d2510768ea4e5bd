-- expect-error
CREATE TABLE a (x INT);
ALTER TABLE a DROP FOREIGN KEY a_ibfk_1;

-- Widening and narrowing character types, and changing the element type of an array.
CREATE TABLE v (a varchar(10), b char(5), c text, d varchar(50)[]);
ALTER TABLE v ALTER COLUMN a TYPE varchar(255);
ALTER TABLE v ALTER COLUMN b TYPE varchar(5);
ALTER TABLE v ALTER COLUMN c TYPE varchar(100);
ALTER TABLE v ALTER COLUMN d TYPE text[];

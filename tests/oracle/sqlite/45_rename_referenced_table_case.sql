-- A parent renamed while children spell its name in another case.
CREATE TABLE Parent (id TEXT PRIMARY KEY);
CREATE TABLE child1 (p TEXT REFERENCES parent (id));
CREATE TABLE child2 (p TEXT, FOREIGN KEY (p) REFERENCES PARENT);
ALTER TABLE parent RENAME TO people;
CREATE TABLE child3 (p TEXT REFERENCES people);

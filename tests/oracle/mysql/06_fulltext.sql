CREATE TABLE docs (id INT PRIMARY KEY, title VARCHAR(100), body TEXT, FULLTEXT KEY ft (title, body));
ALTER TABLE docs ADD FULLTEXT (body);

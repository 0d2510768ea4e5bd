CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(200), body TEXT, created DATETIME,
  KEY name_prefix (name(10)), KEY body_prefix (body(20)), KEY recent (created DESC, id));

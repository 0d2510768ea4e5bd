-- INTEGER PRIMARY KEY is the rowid (no index); other spellings get an automatic index.
CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT);
CREATE TABLE b (id INT PRIMARY KEY, v TEXT);
CREATE TABLE c (id INTEGER PRIMARY KEY DESC, v TEXT);
CREATE TABLE d (id INTEGER, v TEXT, PRIMARY KEY (id DESC));
CREATE TABLE e (id integer primary key autoincrement, v TEXT UNIQUE);

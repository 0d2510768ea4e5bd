CREATE TABLE t (a ENUM('small','medium','large') NOT NULL DEFAULT 'medium', b SET('r','w','x'),
  c ENUM('it''s','b') DEFAULT NULL);

# a hash comment
CREATE TABLE `select` (`from` INT, -- trailing comment
  `where` VARCHAR(10) DEFAULT 'a;b' /* block; comment */);
DELIMITER //
CREATE TABLE t2 (x INT)//
ALTER TABLE t2 ADD COLUMN `y z` INT//
DELIMITER ;
INSERT INTO `select` VALUES (1, 'it\'s');

-- Views: select *, column lists, aliases, literals, count, concat and the view options.
CREATE TABLE accounts (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(120) NOT NULL,
  name VARCHAR(50) NOT NULL DEFAULT 'anon',
  note TEXT,
  balance DECIMAL(10,2),
  code CHAR(3) CHARACTER SET latin1,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  active TINYINT(1) NOT NULL DEFAULT 1,
  big BIGINT UNSIGNED,
  kind ENUM('a','b') NOT NULL
);
CREATE VIEW all_accounts AS SELECT * FROM accounts;
CREATE VIEW account_names (account_id, label) AS SELECT id, name FROM accounts;
CREATE VIEW account_facts AS
  SELECT a.id, email AS mail, 1 AS one, 'abc' AS lit, NULL AS nothing, 1.5 AS half, 1e3 AS thousand,
         concat(name, '-', id) AS tag, concat(name, code) AS mixed, upper(email) AS shout,
         id + 1 AS next_id, id * 2 AS double_id, -id AS neg, active IS NULL AS missing,
         id > 1 AS big_id, now() AS at, curdate() AS today, ifnull(email, name) AS n2, coalesce(name, email) AS who
  FROM accounts a WHERE active = 1;
CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW active_ids AS SELECT id FROM accounts WHERE active = 1 WITH LOCAL CHECK OPTION;
CREATE DEFINER = CURRENT_USER VIEW checked AS SELECT id, email FROM accounts WITH CHECK OPTION;
CREATE VIEW expressions AS SELECT id + 1, 'it''s', `email`, count(*) FROM accounts GROUP BY id;

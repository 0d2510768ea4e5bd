-- Outer joins make the inner side nullable; USING lists merged columns once; aggregates.
CREATE TABLE teams (id INT NOT NULL PRIMARY KEY, title VARCHAR(40) NOT NULL, budget INT UNSIGNED NOT NULL DEFAULT 0);
CREATE TABLE members (id INT NOT NULL PRIMARY KEY, team_id INT NOT NULL, nick VARCHAR(20) NOT NULL, score BIGINT NOT NULL, joined DATE);
CREATE VIEW team_members AS SELECT t.id, t.title, m.nick, m.score FROM teams t LEFT JOIN members m ON m.team_id = t.id;
CREATE VIEW member_teams AS SELECT m.nick, t.title FROM teams t RIGHT JOIN members m ON m.team_id = t.id;
CREATE VIEW joined_using AS SELECT * FROM teams JOIN members USING (id);
CREATE VIEW team_stats AS
  SELECT team_id, count(*) AS members, count(nick) AS named, sum(score) AS total, avg(score) AS mean,
         min(joined) AS first_joined, max(nick) AS last_nick
  FROM members GROUP BY team_id;
CREATE VIEW overall AS SELECT count(*) AS n, max(score) AS top, nick FROM members;
CREATE VIEW budgets AS SELECT sum(budget) AS total_budget, avg(budget) AS mean_budget FROM teams;
CREATE VIEW distinct_titles AS SELECT DISTINCT title FROM teams;
CREATE VIEW limited AS SELECT id FROM teams LIMIT 2;
CREATE VIEW both_ids AS SELECT id FROM teams UNION SELECT id FROM members;
CREATE VIEW from_derived AS SELECT x.title FROM (SELECT title FROM teams) x;

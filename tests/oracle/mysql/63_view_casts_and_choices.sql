-- Casts, IF / CASE / IFNULL over strings, length and year in view columns.
CREATE TABLE ct (i INT NOT NULL, u INT UNSIGNED NOT NULL, s VARCHAR(10) NOT NULL, n VARCHAR(5), dcm DECIMAL(8,3) NOT NULL, dd DATE NOT NULL);
CREATE VIEW casts AS
  SELECT cast(i AS SIGNED) AS a, cast(u AS SIGNED INTEGER) AS a2, cast(i AS DECIMAL(10,2)) AS c, cast(s AS DATE) AS d,
         cast(dd AS DATETIME) AS e, cast(i AS CHAR(5)) AS f, cast(i AS CHAR) AS g, cast(s AS CHAR) AS h,
         if(i > 0, s, n) AS j, if(i > 0, s, 'x') AS v, CASE WHEN i > 0 THEN 'a' ELSE 'bcd' END AS l,
         CASE i WHEN 1 THEN s END AS l2, ifnull(n, s) AS aa, coalesce(n, n) AS ab, length(s) AS r, year(dd) AS t
  FROM ct;

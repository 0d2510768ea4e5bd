-- Triggers are stored from the name to END.
CREATE TABLE t (id INTEGER PRIMARY KEY, updated_at INTEGER, n INTEGER);
CREATE TABLE log (msg TEXT);
CREATE TRIGGER t_touch AFTER UPDATE OF n ON t
FOR EACH ROW WHEN new.n > 0
BEGIN
  UPDATE t SET updated_at = 1 WHERE id = new.id;
  INSERT INTO log VALUES ('changed; really');
END;
create trigger if not exists t_del before delete on t begin delete from log; end;

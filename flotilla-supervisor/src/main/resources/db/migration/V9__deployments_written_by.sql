-- Which transaction last wrote each deployment row, so a supervisor that keeps the rows it read
-- re-reads only those written by a transaction its last read could not see (JdbcDeploymentCache).
-- A transaction id, not a sequence: a sequence value is taken before its transaction commits, so a
-- lower value can become visible after a higher one; whether a transaction is visible in a
-- snapshot is exactly what PostgreSQL's pg_snapshot answers. Set by a trigger on every INSERT and
-- UPDATE (the API's and the leader's alike), so no writer can forget it.
ALTER TABLE deployments ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX deployments_by_writer ON deployments (written_by);

CREATE FUNCTION deployments_written_by() RETURNS trigger AS $$
BEGIN
    NEW.written_by := pg_current_xact_id();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER deployments_written_by BEFORE INSERT OR UPDATE ON deployments
    FOR EACH ROW EXECUTE FUNCTION deployments_written_by();

-- The leader's writes of a backfill carry its fencing token, as deployments' do: an UPDATE with a
-- lower token than the row's last one is refused (a replaced leader), and changes nothing.
ALTER TABLE backfills ADD COLUMN fencing_token BIGINT NOT NULL DEFAULT 0;

-- A cancel asked for through DELETE .../backfills/{id}: who asked, while the backfill still RUNs.
-- The leader then cancels its job and ends it CANCELED (a new status value, no column change).
ALTER TABLE backfills ADD COLUMN cancel_requested_by TEXT;

-- The lease's holder, when it also held the supervisors' session-level advisory lock at its last
-- renewal: a standby that gets that lock meanwhile knows the holder's session ended, and may take
-- the lease before it expires. NULL for a holder without the lock: only expiry hands its lease on.
ALTER TABLE supervisor_lease ADD COLUMN locked_by TEXT;

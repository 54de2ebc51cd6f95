-- The supervisors' leader lease. One row: who leads, until when, and the fencing token that
-- grows with every change of leader.
CREATE TABLE supervisor_lease (
    name       TEXT        PRIMARY KEY,
    holder     TEXT        NOT NULL,
    token      BIGINT      NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

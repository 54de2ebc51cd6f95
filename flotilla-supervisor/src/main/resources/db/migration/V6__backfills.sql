-- Backfills: a deployment's DSL job re-run as a batch over [range_from, range_to), tracked as a run
-- of that deployment. The leader submits it (cluster set, then submitted) and follows its job.
CREATE TABLE backfills (
    id           BIGSERIAL   PRIMARY KEY,
    deployment   TEXT        NOT NULL,
    range_from   TIMESTAMPTZ NOT NULL,
    range_to     TIMESTAMPTZ NOT NULL,
    into_table   TEXT,
    version      TEXT,
    job_id       TEXT        NOT NULL UNIQUE,
    cluster      TEXT,
    submitted    BOOLEAN     NOT NULL DEFAULT false,
    status       TEXT        NOT NULL,
    requested_by TEXT        NOT NULL,
    started      TIMESTAMPTZ NOT NULL,
    ended        TIMESTAMPTZ,
    error        TEXT
);
CREATE INDEX backfills_by_deployment ON backfills (deployment, id);
CREATE INDEX backfills_running ON backfills (status) WHERE status = 'RUNNING';

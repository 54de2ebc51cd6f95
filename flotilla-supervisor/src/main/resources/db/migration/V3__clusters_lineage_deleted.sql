-- Clusters the API registers; the sidecar's token is referenced (env:NAME or file:PATH), never stored.
CREATE TABLE clusters (
    name          TEXT        PRIMARY KEY,
    sidecar_url   TEXT        NOT NULL,
    token_ref     TEXT        NOT NULL,
    slots         INT         NOT NULL,
    lost_at       TIMESTAMPTZ,
    registered_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Lineage per deployment version: the tables a version reads and writes, as its build declared them.
CREATE TABLE lineage (
    deployment TEXT  NOT NULL,
    version    TEXT  NOT NULL,
    document   JSONB NOT NULL,
    PRIMARY KEY (deployment, version)
);

-- Deleted deployments wait here for the grace period before their state is cleaned.
CREATE TABLE deleted_deployments (
    name                 TEXT        NOT NULL,
    deleted_at           TIMESTAMPTZ NOT NULL,
    spec                 JSONB       NOT NULL,
    last_reconciled_spec JSONB,
    status               JSONB       NOT NULL,
    cleaned_at           TIMESTAMPTZ,
    PRIMARY KEY (name, deleted_at)
);

-- Who caused an event: an API token's name, or 'supervisor' for the loop's own.
ALTER TABLE events ADD COLUMN who TEXT NOT NULL DEFAULT 'supervisor';
CREATE INDEX events_by_id ON events (id);

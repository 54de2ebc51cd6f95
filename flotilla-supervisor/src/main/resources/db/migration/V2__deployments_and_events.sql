-- Deployments: the desired spec (written by the API), beside the spec last acted on and the
-- status (written by the leader), so every decision is a comparison of the two.
CREATE TABLE deployments (
    name                 TEXT        PRIMARY KEY,
    generation           BIGINT      NOT NULL,
    spec                 JSONB       NOT NULL,
    last_reconciled_spec JSONB,
    status               JSONB       NOT NULL,
    fencing_token        BIGINT      NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The audit log: who did what to which deployment, when, under which leader. Append-only.
CREATE TABLE events (
    id            BIGSERIAL   PRIMARY KEY,
    deployment    TEXT        NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    type          TEXT        NOT NULL,
    message       TEXT        NOT NULL,
    fencing_token BIGINT      NOT NULL
);
CREATE INDEX events_by_deployment ON events (deployment, id);

CREATE FUNCTION events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the events table is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_append_only();

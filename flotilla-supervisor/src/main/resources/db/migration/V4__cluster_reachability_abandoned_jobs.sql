-- Whether each cluster answered the supervisor's last list call, and since when (written on change).
CREATE TABLE cluster_reachability (
    cluster TEXT        PRIMARY KEY,
    answers BOOLEAN     NOT NULL,
    since   TIMESTAMPTZ NOT NULL,
    error   TEXT
);

-- Jobs left behind on a cluster declared lost when their deployment moved. If the cluster answers
-- again, each still-running one is cancelled (settled_at set) before the cluster counts as healthy.
CREATE TABLE abandoned_jobs (
    cluster      TEXT        NOT NULL,
    job_id       TEXT        NOT NULL,
    deployment   TEXT        NOT NULL,
    abandoned_at TIMESTAMPTZ NOT NULL,
    settled_at   TIMESTAMPTZ,
    PRIMARY KEY (cluster, job_id)
);

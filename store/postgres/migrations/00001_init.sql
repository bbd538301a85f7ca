-- +goose Up
CREATE TABLE submissions (
    id           TEXT PRIMARY KEY,
    problem      TEXT NOT NULL,
    language     TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    client       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    verdict      TEXT NOT NULL DEFAULT '',
    score        DOUBLE PRECISION NOT NULL DEFAULT 0,
    created_ms   BIGINT NOT NULL,
    finished_ms  BIGINT NOT NULL DEFAULT 0,
    time_ms      DOUBLE PRECISION NOT NULL DEFAULT 0,
    memory_kib   BIGINT NOT NULL DEFAULT 0,
    files        TEXT NOT NULL,
    callback_url TEXT NOT NULL DEFAULT '',
    report       TEXT NOT NULL DEFAULT '',
    test_count   INTEGER NOT NULL DEFAULT 0,
    tests_done   INTEGER NOT NULL DEFAULT 0,
    attempts     INTEGER NOT NULL DEFAULT 0,
    message      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX submissions_problem ON submissions (problem, id);
CREATE INDEX submissions_user ON submissions (user_name, id);
CREATE INDEX submissions_client ON submissions (client, id);
CREATE INDEX submissions_status ON submissions (status);

CREATE TABLE problems (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    type       TEXT NOT NULL,
    blob_key   TEXT NOT NULL,
    info       TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
);

CREATE TABLE api_keys (
    hash       TEXT PRIMARY KEY,
    user_name  TEXT NOT NULL,
    role       TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- +goose Down
DROP TABLE settings;
DROP TABLE api_keys;
DROP TABLE problems;
DROP TABLE submissions;

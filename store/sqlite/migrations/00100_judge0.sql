-- +goose Up
-- Submissions made through the Judge0-compatible API (compat/judge0): the
-- submission as JSON, with the columns the API queries by.
CREATE TABLE judge0_submissions (
    token      TEXT PRIMARY KEY,
    status_id  INTEGER NOT NULL,
    created_ms BIGINT NOT NULL,
    data       TEXT NOT NULL
);
CREATE INDEX judge0_submissions_created ON judge0_submissions (created_ms);
CREATE INDEX judge0_submissions_status ON judge0_submissions (status_id);

-- +goose Down
DROP TABLE judge0_submissions;

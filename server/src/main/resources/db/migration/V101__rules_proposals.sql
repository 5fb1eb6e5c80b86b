-- AI proposals (issue 11): what a model proposed, never an action. A person accepts it (it then becomes a DRAFT rule
-- version with origin AI, through the registry), or rejects it. A proposal waiting for the provider is QUEUED with the
-- reason; one whose answer did not validate is FAILED with the reason and never becomes a version.
CREATE TABLE rules_proposal (
  tenant_id          text        NOT NULL,
  id                 uuid        PRIMARY KEY,
  kind               text        NOT NULL CHECK (kind IN ('PLAN_FROM_SENTENCE')),
  status             text        NOT NULL CHECK (status IN ('QUEUED', 'PROPOSED', 'FAILED', 'ACCEPTED', 'REJECTED')),
  target             text        NOT NULL,
  request            text        NOT NULL,
  payload            text,
  justification      text,
  model              text,
  prompt_sha256      text        NOT NULL,
  prompt_tokens      bigint      NOT NULL DEFAULT 0,
  completion_tokens  bigint      NOT NULL DEFAULT 0,
  queued_reason      text,
  failure_reason     text,
  rule_version_id    uuid,
  requested_by       text        NOT NULL,
  decided_by         text,
  decision_note      text,
  created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  answered_at        timestamptz,
  decided_at         timestamptz
);
CREATE INDEX rules_proposal_created ON rules_proposal (tenant_id, created_at, id);
ALTER TABLE rules_proposal ENABLE ROW LEVEL SECURITY;
ALTER TABLE rules_proposal FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rules_proposal
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON rules_proposal TO ${app_role};

-- The AI port (issue 11): per-tenant switches and budgets, token usage, the durable queue of requests the
-- provider could not answer, and the outages admins were alerted of. Every table but the list of tenants
-- with queued requests is tenant data under row-level security.

-- AI on or off per tenant and module (RULES, IMPORTS, TENDERS); a missing row means on.
CREATE TABLE ai_tenant_module (
  tenant_id   text        NOT NULL,
  module      text        NOT NULL CHECK (module IN ('RULES', 'IMPORTS', 'TENDERS')),
  enabled     boolean     NOT NULL,
  updated_by  text        NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, module)
);
ALTER TABLE ai_tenant_module ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_tenant_module FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_tenant_module
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ai_tenant_module TO ${app_role};

-- The tenant's monthly token forecast: alert past +10 %, block past +20 %. No row: no budget.
CREATE TABLE ai_budget (
  tenant_id       text        PRIMARY KEY,
  monthly_tokens  bigint      NOT NULL CHECK (monthly_tokens > 0),
  updated_by      text        NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE ai_budget ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_budget FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_budget
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ai_budget TO ${app_role};

-- Which budget thresholds (ALERT at +10 %, BLOCK at +20 %) a tenant crossed in a month: each is announced once.
CREATE TABLE ai_budget_alert (
  tenant_id   text        NOT NULL,
  month       date        NOT NULL,
  level       text        NOT NULL CHECK (level IN ('ALERT', 'BLOCK')),
  tokens      bigint      NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, month, level)
);
ALTER TABLE ai_budget_alert ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_budget_alert FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_budget_alert
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ai_budget_alert TO ${app_role};

-- Tokens used per tenant, month, module and model (what the provider reported).
CREATE TABLE ai_usage (
  tenant_id          text   NOT NULL,
  month              date   NOT NULL,
  module             text   NOT NULL,
  model              text   NOT NULL,
  requests           bigint NOT NULL,
  prompt_tokens      bigint NOT NULL,
  completion_tokens  bigint NOT NULL,
  PRIMARY KEY (tenant_id, month, module, model)
);
ALTER TABLE ai_usage ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_usage FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_usage
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ai_usage TO ${app_role};

-- A request the provider did not answer (down, timed out, breaker open, budget blocked), kept until it is
-- answered. subject_key is what the answer completes (a proposal): unique, so a request is queued once and
-- its answer applied once, in the transaction that marks it DONE.
CREATE TABLE ai_request (
  tenant_id      text        NOT NULL,
  id             uuid        PRIMARY KEY,
  module         text        NOT NULL,
  purpose        text        NOT NULL,
  subject_key    uuid        NOT NULL UNIQUE,
  messages       text        NOT NULL,
  prompt_sha256  text        NOT NULL,
  status         text        NOT NULL CHECK (status IN ('QUEUED', 'DONE')),
  reason         text        NOT NULL,
  attempts       int         NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  completed_at   timestamptz
);
CREATE INDEX ai_request_queued ON ai_request (tenant_id, created_at) WHERE status = 'QUEUED';
ALTER TABLE ai_request ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_request FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_request
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ai_request TO ${app_role};

-- The tenants that ever queued a request: a system table (no tenant policy, like the outbox) read by the
-- drain before it enters each tenant's own transaction.
CREATE TABLE ai_queue_tenant (
  tenant_id  text PRIMARY KEY
);
GRANT SELECT, INSERT ON ai_queue_tenant TO ${app_role};

-- An outage as one tenant lived it: opened by its first queued request (admins alerted then, once), closed
-- when its queue drained. At most one open per tenant.
CREATE TABLE ai_outage (
  tenant_id   text        NOT NULL,
  id          uuid        PRIMARY KEY,
  reason      text        NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  ended_at    timestamptz
);
CREATE UNIQUE INDEX ai_outage_open ON ai_outage (tenant_id) WHERE ended_at IS NULL;
ALTER TABLE ai_outage ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_outage FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_outage
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ai_outage TO ${app_role};

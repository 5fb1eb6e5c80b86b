-- The approval workflow of calculation runs (issue 10, owned by com.performanceos.rules.commissions.approval):
-- SALES_OPS submits, the managers of the run's reps sign for their teams, FINANCE approves (which posts the accrual
-- entries to the ledger), FINANCE marks it paid. A return sends the run back to SALES_OPS and starts a new cycle;
-- a reversal of an approved run posts the opposite entries. Every step is a row of commission_approval_step.
CREATE TABLE commission_approval (
  tenant_id           text        NOT NULL,
  run_id              uuid        PRIMARY KEY REFERENCES commission_run (id),
  status              text        NOT NULL CHECK (status IN ('SUBMITTED', 'MANAGER_APPROVED', 'APPROVED', 'PAID', 'RETURNED', 'REVERSED')),
  cycle               int         NOT NULL CHECK (cycle >= 1),
  -- Since when the run waits for its current step; an escalation is raised once per wait (escalated_at).
  waiting_since       timestamptz NOT NULL,
  escalated_at        timestamptz,
  accrual_entry_ids   uuid[]      NOT NULL DEFAULT '{}',
  reversal_entry_ids  uuid[]      NOT NULL DEFAULT '{}',
  updated_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX commission_approval_waiting ON commission_approval (tenant_id, waiting_since)
  WHERE status IN ('SUBMITTED', 'MANAGER_APPROVED', 'APPROVED') AND escalated_at IS NULL;
ALTER TABLE commission_approval ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_approval FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_approval
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON commission_approval TO ${app_role};

-- Insert-only: who signed what, in which cycle, for which reps (a manager signs for their team), with a comment.
CREATE TABLE commission_approval_step (
  tenant_id  text        NOT NULL,
  id         uuid        PRIMARY KEY,
  run_id     uuid        NOT NULL REFERENCES commission_approval (run_id),
  seq        int         NOT NULL,
  cycle      int         NOT NULL,
  action     text        NOT NULL CHECK (action IN ('SUBMIT', 'MANAGER_APPROVE', 'FINANCE_APPROVE', 'PAY', 'RETURN', 'REVERSE', 'ESCALATE')),
  actor      text        NOT NULL,
  reps       text[]      NOT NULL DEFAULT '{}',
  comment    text        CHECK (comment IS NULL OR length(comment) <= 2000),
  at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (run_id, seq)
);
ALTER TABLE commission_approval_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_approval_step FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_approval_step
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON commission_approval_step TO ${app_role};

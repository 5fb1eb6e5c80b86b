-- Commissions (issue 10), owned by com.performanceos.rules.commissions: plans are COMMISSION_PLAN rules of the
-- registry (the kind is added to rules_rule here), assigned to reps per period; calculation runs keep their lines
-- (one per deal and credited rep, with the trace of how the amount was found) and a total per rep.
ALTER TABLE rules_rule DROP CONSTRAINT rules_rule_kind_check;
ALTER TABLE rules_rule ADD CONSTRAINT rules_rule_kind_check
  CHECK (kind IN ('EXPRESSION', 'DECISION_TABLE', 'DECISION_GRAPH', 'COMMISSION_PLAN'));

-- Which plan version pays a rep in a month. Reassigning replaces the row (assigned_at says when).
CREATE TABLE commission_assignment (
  tenant_id        text        NOT NULL,
  id               uuid        PRIMARY KEY,
  rep_code         text        NOT NULL,
  period           char(7)     NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  rule_version_id  uuid        NOT NULL,
  assigned_by      text        NOT NULL,
  assigned_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, period, rep_code)
);
ALTER TABLE commission_assignment ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_assignment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_assignment
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON commission_assignment TO ${app_role};

-- A calculation run over a month, as the sales data was known at known_at; digest is the SHA-256 over its
-- inputs and outputs (the same inputs give the same digest).
CREATE TABLE commission_run (
  tenant_id     text          NOT NULL,
  id            uuid          PRIMARY KEY,
  period        char(7)       NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  job_id        uuid          NOT NULL,
  status        text          NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
  known_at      timestamptz   NOT NULL,
  started_by    text          NOT NULL,
  created_at    timestamptz   NOT NULL DEFAULT clock_timestamp(),
  finished_at   timestamptz,
  line_count    int,
  total_amount  numeric(38,6),
  currency      char(3),
  digest        char(64),
  error         text
);
CREATE INDEX commission_run_period ON commission_run (tenant_id, period, created_at);
ALTER TABLE commission_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_run FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_run
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON commission_run TO ${app_role};

-- One line per deal and credited rep (DIRECT), per deal and manager (ROLLUP), or per cancelled deal (CLAWBACK).
-- Insert-only, written in bulk (unnest arrays) by the run.
CREATE TABLE commission_line (
  tenant_id      text          NOT NULL,
  id             uuid          PRIMARY KEY,
  run_id         uuid          NOT NULL REFERENCES commission_run (id),
  seq            int           NOT NULL,
  rep_code       text          NOT NULL,
  kind           text          NOT NULL CHECK (kind IN ('DIRECT', 'ROLLUP', 'CLAWBACK')),
  deal_id        uuid          NOT NULL,
  deal_ref       text          NOT NULL,
  share_percent  numeric(9,6)  NOT NULL,
  credited       numeric(38,6) NOT NULL,
  amount         numeric(38,6) NOT NULL,
  tier           int,
  trace          jsonb         NOT NULL,
  UNIQUE (run_id, seq)
);
CREATE INDEX commission_line_rep ON commission_line (run_id, rep_code, seq);
CREATE INDEX commission_line_deal ON commission_line (tenant_id, deal_id);
ALTER TABLE commission_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_line
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON commission_line TO ${app_role};

-- A rep's figures in a run: credit (own and rolled up, kept apart), attainment, gross, cap, clawbacks netted
-- with what is carried forward, draws paid and recovered, and what is payable.
CREATE TABLE commission_rep_total (
  tenant_id           text          NOT NULL,
  run_id              uuid          NOT NULL REFERENCES commission_run (id),
  rep_code            text          NOT NULL,
  rule_version_id     uuid,
  credited            numeric(38,6) NOT NULL,
  rollup_credited     numeric(38,6) NOT NULL,
  quota               numeric(38,6),
  attainment_percent  numeric(38,6),
  gross               numeric(38,6) NOT NULL,
  cap_adjustment      numeric(38,6) NOT NULL,
  clawback            numeric(38,6) NOT NULL,
  clawback_carry_in   numeric(38,6) NOT NULL,
  clawback_carry_out  numeric(38,6) NOT NULL,
  draw_paid           numeric(38,6) NOT NULL,
  draw_recovered      numeric(38,6) NOT NULL,
  draw_balance_out    numeric(38,6) NOT NULL,
  payable             numeric(38,6) NOT NULL,
  currency            char(3)       NOT NULL,
  PRIMARY KEY (run_id, rep_code)
);
ALTER TABLE commission_rep_total ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_rep_total FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_rep_total
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON commission_rep_total TO ${app_role};

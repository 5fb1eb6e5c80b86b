-- Backtests of a scenario (issue 12): the forecast frozen with the facts known at each cut-off, measured
-- against the bank balances that followed, per horizon. The work is a platform job (job_id); results are
-- written once, when it succeeds.
CREATE TABLE scenarios_backtest (
  tenant_id    text        NOT NULL,
  id           uuid        PRIMARY KEY,
  scenario_id  uuid        NOT NULL REFERENCES scenarios_scenario (id),
  job_id       uuid        NOT NULL,
  cutoffs      jsonb       NOT NULL,
  horizons     jsonb       NOT NULL,
  results      jsonb,
  created_by   text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX scenarios_backtest_scenario ON scenarios_backtest (tenant_id, scenario_id, created_at);
ALTER TABLE scenarios_backtest ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_backtest FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_backtest
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON scenarios_backtest TO ${app_role};

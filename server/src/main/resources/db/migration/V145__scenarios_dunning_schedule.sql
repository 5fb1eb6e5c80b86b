-- The tenants that have a dunning cadence, for the scheduled dunning run, which must find them before it can enter
-- any tenant's transaction. Tenant names only, so like ledger_escalation_tenant it carries no tenant policy; no
-- GraphQL field reads it. Filled when a cadence is saved; tenants with cadences from before this migration join here.
CREATE TABLE scenarios_dunning_tenant (
  tenant_id  text        PRIMARY KEY,
  since      timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO scenarios_dunning_tenant (tenant_id) SELECT DISTINCT tenant_id FROM scenarios_dunning_cadence;
GRANT SELECT, INSERT ON scenarios_dunning_tenant TO ${app_role};

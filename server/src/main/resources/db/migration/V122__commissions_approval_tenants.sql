-- The tenants that submitted a run for approval, for the scheduled escalation, which must find them before it can
-- enter any tenant's transaction. It holds tenant names only, so like ledger_escalation_tenant it carries no tenant
-- policy; no GraphQL field reads it.
CREATE TABLE commission_approval_tenant (
  tenant_id  text        PRIMARY KEY,
  since      timestamptz NOT NULL DEFAULT clock_timestamp()
);
GRANT SELECT, INSERT ON commission_approval_tenant TO ${app_role};

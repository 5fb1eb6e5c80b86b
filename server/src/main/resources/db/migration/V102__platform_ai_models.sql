-- The model each tenant asks (issue 11, model governance): the one it certified, and the one before it so that a
-- switch can be rolled back in one step. No row: the tenant has not certified any model yet and asks the
-- deployment's configured one.
CREATE TABLE ai_tenant_model (
  tenant_id       text        PRIMARY KEY,
  active_model    text        NOT NULL,
  previous_model  text,
  switched_by     text        NOT NULL,
  switched_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE ai_tenant_model ENABLE ROW LEVEL SECURITY;
ALTER TABLE ai_tenant_model FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ai_tenant_model
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ai_tenant_model TO ${app_role};

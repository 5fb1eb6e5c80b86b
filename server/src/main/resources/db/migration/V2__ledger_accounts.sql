-- Ledger: the chart of pivot accounts.
CREATE TABLE ledger_account (
  tenant_id   text        NOT NULL,
  id          uuid        NOT NULL,
  code        text        NOT NULL,
  name        text        NOT NULL,
  type        text        NOT NULL CHECK (type IN ('ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE')),
  currency    char(3)     NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, code)
);
ALTER TABLE ledger_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_account
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_account TO ${app_role};

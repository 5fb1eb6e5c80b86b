-- Marks a tenant whose demo data has been seeded, so the embedded default seeds it once.
CREATE TABLE demo_seed (
  tenant_id  text        PRIMARY KEY,
  seeded_at  timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE demo_seed ENABLE ROW LEVEL SECURITY;
ALTER TABLE demo_seed FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON demo_seed
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON demo_seed TO ${app_role};

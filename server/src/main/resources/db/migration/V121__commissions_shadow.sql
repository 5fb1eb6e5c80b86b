-- Shadow calculations of commission plan versions (issue 10, owned by com.performanceos.rules.commissions.shadow):
-- before a COMMISSION_PLAN version is published, the last closed period is recomputed in memory with the old and the
-- new version and each rep's difference kept here. A difference above the threshold blocks publication until FINANCE
-- approves that exact difference (its digest) with a justification.
CREATE TABLE commission_shadow (
  tenant_id          text          NOT NULL,
  id                 uuid          PRIMARY KEY,
  rule_version_id    uuid          NOT NULL,
  period             char(7)       NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  threshold          numeric(38,6) NOT NULL,
  max_difference     numeric(38,6) NOT NULL,
  currency           char(3)       NOT NULL,
  digest             char(64)      NOT NULL,
  status             text          NOT NULL CHECK (status IN ('CLEAR', 'BLOCKED', 'APPROVED')),
  computed_by        text          NOT NULL,
  computed_at        timestamptz   NOT NULL DEFAULT clock_timestamp(),
  approved_by        text,
  approved_at        timestamptz,
  justification      text          CHECK (justification IS NULL OR length(justification) <= 2000)
);
CREATE INDEX commission_shadow_version ON commission_shadow (tenant_id, rule_version_id, computed_at);
ALTER TABLE commission_shadow ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_shadow FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_shadow
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON commission_shadow TO ${app_role};

CREATE TABLE commission_shadow_rep (
  tenant_id   text          NOT NULL,
  shadow_id   uuid          NOT NULL REFERENCES commission_shadow (id),
  rep_code    text          NOT NULL,
  payable_before numeric(38,6) NOT NULL,
  payable_after  numeric(38,6) NOT NULL,
  difference  numeric(38,6) NOT NULL,
  PRIMARY KEY (shadow_id, rep_code)
);
ALTER TABLE commission_shadow_rep ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_shadow_rep FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_shadow_rep
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON commission_shadow_rep TO ${app_role};

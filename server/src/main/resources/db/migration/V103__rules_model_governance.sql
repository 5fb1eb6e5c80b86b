-- Model governance of AI-originated rule versions (issue 11): each switch of a tenant to the deployment's configured
-- model, with its regression replay's outcome and gate, and the versions a switch marked TO_RECERTIFY (they keep
-- running unchanged; a rollback clears the marks). The registry's own tables are not altered.
CREATE TABLE rules_model_switch (
  tenant_id            text        NOT NULL,
  id                   uuid        PRIMARY KEY,
  from_model           text        NOT NULL,
  to_model             text        NOT NULL,
  proposals_replayed   int         NOT NULL,
  outputs_compared     int         NOT NULL,
  outputs_differing    int         NOT NULL,
  gate                 text        NOT NULL CHECK (gate IN ('ACCEPTED', 'NEEDS_ADMIN', 'NEEDS_ADMIN_AND_FINANCE')),
  status               text        NOT NULL CHECK (status IN ('PENDING', 'SWITCHED', 'ROLLED_BACK')),
  admin_approved_by    text,
  finance_approved_by  text,
  requested_by         text        NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
  decided_at           timestamptz
);
CREATE INDEX rules_model_switch_created ON rules_model_switch (tenant_id, created_at);
ALTER TABLE rules_model_switch ENABLE ROW LEVEL SECURITY;
ALTER TABLE rules_model_switch FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rules_model_switch
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON rules_model_switch TO ${app_role};

CREATE TABLE rules_recertification (
  tenant_id       text        NOT NULL,
  rule_version_id uuid        NOT NULL,
  switch_id       uuid        NOT NULL REFERENCES rules_model_switch (id),
  model           text        NOT NULL,
  marked_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  cleared_at      timestamptz,
  PRIMARY KEY (rule_version_id, switch_id)
);
ALTER TABLE rules_recertification ENABLE ROW LEVEL SECURITY;
ALTER TABLE rules_recertification FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rules_recertification
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON rules_recertification TO ${app_role};

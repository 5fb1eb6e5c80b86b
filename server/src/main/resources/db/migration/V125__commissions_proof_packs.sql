-- Commission proof packs (issue 10), owned by com.performanceos.rules.commissions.proof: each issued pack keeps the
-- certificate it carried (a SHA-256 per deal, plan version, line and total it covers), so verifyProofPack can recompute
-- the same digests from the stored data later and name what changed. Insert-only: an issued pack is never altered.
CREATE TABLE commission_proof_pack (
  tenant_id     text        NOT NULL,
  id            uuid        PRIMARY KEY,
  run_id        uuid        NOT NULL,
  period        char(7)     NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  rep_code      text,
  certificate   jsonb       NOT NULL,
  pack_sha256   char(64)    NOT NULL,
  issued_by     text        NOT NULL,
  issued_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX commission_proof_pack_run ON commission_proof_pack (tenant_id, run_id);
ALTER TABLE commission_proof_pack ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_proof_pack FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_proof_pack
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON commission_proof_pack TO ${app_role};

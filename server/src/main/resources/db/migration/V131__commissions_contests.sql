-- Sales contests (issue 10, point 11), owned by com.performanceos.rules.commissions.contests: a leaderboard of reps
-- over days by a CEL metric evaluated on each deal's credit (e.g. new-business ARR). The leaderboard is computed from
-- the deals when read, and pushed again to subscribers as deals arrive; only the contest's definition is stored.
CREATE TABLE commission_contest (
  tenant_id   text        NOT NULL,
  id          uuid        PRIMARY KEY,
  name        text        NOT NULL,
  starts_on   date        NOT NULL,
  ends_on     date        NOT NULL,
  metric      text        NOT NULL,
  created_by  text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (ends_on >= starts_on AND ends_on - starts_on <= 366)
);
CREATE INDEX commission_contest_dates ON commission_contest (tenant_id, starts_on, ends_on);
ALTER TABLE commission_contest ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_contest FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_contest
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON commission_contest TO ${app_role};

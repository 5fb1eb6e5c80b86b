-- Scenarios: cash-forecast scenarios with their driver overrides, the history of driver changes,
-- immutable saved versions, share links to a version, and people's decisions on detected recurring flows.

-- A scenario starts from a template (BASE, STRESS, GROWTH) or inherits from a parent scenario, and
-- overrides some drivers (overrides: the JSON of scenarios.cash.DriverOverrides). revision grows by one
-- at every driver change, so an editor working from a stale copy is refused instead of overwriting.
CREATE TABLE scenarios_scenario (
  tenant_id           text        NOT NULL,
  id                  uuid        PRIMARY KEY,
  name                text        NOT NULL,
  template            text        CHECK (template IN ('BASE', 'STRESS', 'GROWTH')),
  parent_id           uuid        REFERENCES scenarios_scenario (id),
  reporting_currency  char(3)     NOT NULL,
  overrides           jsonb       NOT NULL,
  revision            int         NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_by          text        NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, name),
  CHECK ((template IS NULL) <> (parent_id IS NULL))
);
CREATE INDEX scenarios_scenario_created ON scenarios_scenario (tenant_id, created_at, id);
ALTER TABLE scenarios_scenario ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_scenario FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_scenario
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON scenarios_scenario TO ${app_role};

-- Who changed which driver: the overrides before and after each change, append-only.
CREATE TABLE scenarios_driver_change (
  tenant_id    text        NOT NULL,
  id           uuid        PRIMARY KEY,
  change_seq   bigint      GENERATED ALWAYS AS IDENTITY,
  scenario_id  uuid        NOT NULL REFERENCES scenarios_scenario (id),
  revision     int         NOT NULL,
  before       jsonb       NOT NULL,
  after        jsonb       NOT NULL,
  changed_by   text        NOT NULL,
  changed_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (scenario_id, revision)
);
CREATE INDEX scenarios_driver_change_seq ON scenarios_driver_change (tenant_id, scenario_id, change_seq);
ALTER TABLE scenarios_driver_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_driver_change FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_driver_change
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON scenarios_driver_change TO ${app_role};

-- A saved version freezes what the forecast was computed from (inputs: the ledger's facts as known on
-- as_of, in the JSON of scenarios.cash.ForecastInputs), the resolved drivers and the outputs (bucket
-- totals), with the SHA-256 digest of the three canonical JSON texts. Never updated nor deleted.
CREATE TABLE scenarios_version (
  tenant_id    text        NOT NULL,
  id           uuid        PRIMARY KEY,
  scenario_id  uuid        NOT NULL REFERENCES scenarios_scenario (id),
  number       int         NOT NULL CHECK (number >= 1),
  label        text        NOT NULL,
  as_of        date        NOT NULL,
  inputs       jsonb       NOT NULL,
  drivers      jsonb       NOT NULL,
  outputs      jsonb       NOT NULL,
  digest       char(64)    NOT NULL,
  saved_by     text        NOT NULL,
  saved_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (scenario_id, number)
);
CREATE INDEX scenarios_version_scenario ON scenarios_version (tenant_id, scenario_id, number);
ALTER TABLE scenarios_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_version
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON scenarios_version TO ${app_role};

CREATE FUNCTION scenarios_row_is_permanent() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are permanent: % refused', TG_TABLE_NAME, TG_OP;
END
$$;
-- The grant already withholds UPDATE and DELETE; the trigger keeps the promise for the owner too.
CREATE TRIGGER scenarios_version_permanent BEFORE UPDATE OR DELETE ON scenarios_version
  FOR EACH ROW EXECUTE FUNCTION scenarios_row_is_permanent();

-- A read-only link to one version for holders of one role. Only the SHA-256 of the random token is
-- stored: the token itself is shown once, at creation.
CREATE TABLE scenarios_share_link (
  tenant_id    text        NOT NULL,
  id           uuid        PRIMARY KEY,
  version_id   uuid        NOT NULL REFERENCES scenarios_version (id),
  token_hash   char(64)    NOT NULL UNIQUE,
  role         text        NOT NULL,
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  revoked_by   text,
  created_by   text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX scenarios_share_link_version ON scenarios_share_link (tenant_id, version_id, created_at, id);
ALTER TABLE scenarios_share_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_share_link FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_share_link
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON scenarios_share_link TO ${app_role};

-- A person's decision on a recurring flow detected in bank history, keyed like the detector's groups
-- (normalised counterparty, currency, direction). Confirmed series enter forecasts, possibly with an
-- edited amount; dismissed ones never do.
CREATE TABLE scenarios_recurring_decision (
  tenant_id         text          NOT NULL,
  id                uuid          PRIMARY KEY,
  series_key        text          NOT NULL,
  decision          text          NOT NULL CHECK (decision IN ('CONFIRMED', 'DISMISSED')),
  amount            numeric(38,6),
  decided_by        text          NOT NULL,
  decided_at        timestamptz   NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, series_key)
);
ALTER TABLE scenarios_recurring_decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_recurring_decision FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_recurring_decision
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON scenarios_recurring_decision TO ${app_role};

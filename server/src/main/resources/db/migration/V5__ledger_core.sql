-- Ledger core: analytical dimensions on journal lines, mappings from source charts to pivot
-- accounts, and close certificates of monthly periods.

CREATE TABLE ledger_dimension (
  tenant_id   text        NOT NULL,
  id          uuid        PRIMARY KEY,
  code        text        NOT NULL,
  name        text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, code)
);
ALTER TABLE ledger_dimension ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_dimension FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_dimension
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_dimension TO ${app_role};

CREATE TABLE ledger_dimension_member (
  tenant_id     text        NOT NULL,
  id            uuid        PRIMARY KEY,
  dimension_id  uuid        NOT NULL REFERENCES ledger_dimension (id),
  code          text        NOT NULL,
  name          text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (dimension_id, code),
  -- Lets a line's value reference (member, dimension) together, so a member of REGION can never
  -- be stored as the PRODUCT of a line.
  UNIQUE (id, dimension_id)
);
ALTER TABLE ledger_dimension_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_dimension_member FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_dimension_member
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_dimension_member TO ${app_role};

-- Insert-only like the lines they qualify; the primary key allows one value per dimension per line.
CREATE TABLE ledger_journal_line_dimension (
  tenant_id     text NOT NULL,
  entry_id      uuid NOT NULL,
  line_number   int  NOT NULL,
  dimension_id  uuid NOT NULL,
  member_id     uuid NOT NULL,
  PRIMARY KEY (entry_id, line_number, dimension_id),
  FOREIGN KEY (entry_id, line_number) REFERENCES ledger_journal_line (entry_id, line_number),
  FOREIGN KEY (member_id, dimension_id) REFERENCES ledger_dimension_member (id, dimension_id)
);
CREATE INDEX ledger_journal_line_dimension_member ON ledger_journal_line_dimension (tenant_id, member_id);
ALTER TABLE ledger_journal_line_dimension ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_journal_line_dimension FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_journal_line_dimension
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_journal_line_dimension TO ${app_role};

CREATE TABLE ledger_account_mapping (
  tenant_id    text        NOT NULL,
  id           uuid        PRIMARY KEY,
  source       text        NOT NULL,
  source_code  text        NOT NULL,
  label        text,
  account_id   uuid        NOT NULL REFERENCES ledger_account (id),
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, source, source_code)
);
ALTER TABLE ledger_account_mapping ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_account_mapping FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_account_mapping
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_account_mapping TO ${app_role};

-- Immutable: the application may only insert. A re-close after a reopen adds the next version.
CREATE TABLE ledger_close_certificate (
  tenant_id   text        NOT NULL,
  id          uuid        PRIMARY KEY,
  month       date        NOT NULL CHECK (extract(day FROM month) = 1),
  version     int         NOT NULL CHECK (version >= 1),
  closed_at   timestamptz NOT NULL,
  closed_by   text        NOT NULL,
  content     text        NOT NULL,
  sha256      char(64)    NOT NULL,
  UNIQUE (tenant_id, month, version)
);
ALTER TABLE ledger_close_certificate ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_close_certificate FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_close_certificate
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_close_certificate TO ${app_role};

-- The transaction-scoped advisory lock of one tenant's month. Posting takes it shared before it
-- checks that the month is open; closing and reopening take it exclusive. A posting that saw the
-- month open therefore commits before a close can read the balances, and none can slip in after.
CREATE FUNCTION ledger_period_lock_key(month date) RETURNS bigint
  LANGUAGE sql STABLE
  AS $$ SELECT hashtextextended(current_tenant() || ':ledger_period:' || month::text, 0) $$;

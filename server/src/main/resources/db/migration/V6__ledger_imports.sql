-- Platform jobs (long-running work with progress) and ledger imports (CSV files of journal lines,
-- deals and quotas), with the lineage of what each import wrote.

CREATE TABLE platform_job (
  tenant_id    text        NOT NULL,
  id           uuid        PRIMARY KEY,
  kind         text        NOT NULL,
  status       text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
  done         bigint      NOT NULL DEFAULT 0 CHECK (done >= 0),
  total        bigint      CHECK (total >= 0),
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  started_at   timestamptz,
  finished_at  timestamptz,
  result       jsonb,
  error        text
);
CREATE INDEX platform_job_unfinished ON platform_job (tenant_id, created_at) WHERE finished_at IS NULL;
ALTER TABLE platform_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform_job FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON platform_job
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON platform_job TO ${app_role};

CREATE TABLE ledger_import (
  tenant_id           text          NOT NULL,
  id                  uuid          PRIMARY KEY,
  kind                text          NOT NULL,
  status              text          NOT NULL
                      CHECK (status IN ('AWAITING_CONTENT', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DUPLICATE_FILE')),
  file_name           text          NOT NULL,
  column_mapping      jsonb         NOT NULL,
  options             jsonb         NOT NULL,
  control_row_count   bigint        NOT NULL CHECK (control_row_count >= 0),
  control_amount_sum  numeric(38,6) NOT NULL,
  sha256              char(64),
  size_bytes          bigint,
  row_count           bigint,
  entry_count         bigint,
  job_id              uuid          REFERENCES platform_job (id),
  duplicate_of        uuid          REFERENCES ledger_import (id),
  report              jsonb,
  created_by          text          NOT NULL,
  created_at          timestamptz   NOT NULL DEFAULT clock_timestamp(),
  finished_at         timestamptz
);
-- One successful import per file and kind: the backstop of idempotent re-imports.
CREATE UNIQUE INDEX ledger_import_applied_file ON ledger_import (tenant_id, kind, sha256) WHERE status = 'SUCCEEDED';
ALTER TABLE ledger_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_import FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_import
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ledger_import TO ${app_role};

-- Lineage: which import, file and source rows produced each journal entry.
CREATE TABLE ledger_import_line_source (
  tenant_id        text    NOT NULL,
  entry_id         uuid    PRIMARY KEY REFERENCES ledger_journal_entry (id),
  import_id        uuid    NOT NULL REFERENCES ledger_import (id),
  file_sha256      char(64) NOT NULL,
  entry_reference  text    NOT NULL,
  -- An entry's rows are contiguous in its file (the importer requires it), so two numbers locate them.
  first_row        int     NOT NULL CHECK (first_row >= 1),
  last_row         int     NOT NULL CHECK (last_row >= first_row)
);
CREATE UNIQUE INDEX ledger_import_line_source_reference ON ledger_import_line_source (tenant_id, entry_reference);
CREATE INDEX ledger_import_line_source_import ON ledger_import_line_source (import_id);
ALTER TABLE ledger_import_line_source ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_import_line_source FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_import_line_source
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_import_line_source TO ${app_role};

CREATE TABLE ledger_deal (
  tenant_id    text          NOT NULL,
  id           uuid          PRIMARY KEY,
  deal_ref     text          NOT NULL,
  rep          text          NOT NULL,
  product      text          NOT NULL,
  region       text          NOT NULL,
  amount       numeric(38,6) NOT NULL,
  arr          numeric(38,6) NOT NULL,
  stage        text          NOT NULL,
  close_date   date          NOT NULL,
  currency     char(3)       NOT NULL,
  import_id    uuid          NOT NULL REFERENCES ledger_import (id),
  source_row   int           NOT NULL,
  UNIQUE (tenant_id, deal_ref)
);
CREATE INDEX ledger_deal_close ON ledger_deal (tenant_id, close_date, deal_ref);
ALTER TABLE ledger_deal ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_deal FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_deal
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_deal TO ${app_role};

CREATE TABLE ledger_quota (
  tenant_id    text          NOT NULL,
  id           uuid          PRIMARY KEY,
  rep          text          NOT NULL,
  period       char(7)       NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount       numeric(38,6) NOT NULL,
  currency     char(3)       NOT NULL,
  import_id    uuid          NOT NULL REFERENCES ledger_import (id),
  source_row   int           NOT NULL,
  UNIQUE (tenant_id, period, rep)
);
ALTER TABLE ledger_quota ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_quota FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_quota
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_quota TO ${app_role};

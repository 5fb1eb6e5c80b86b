-- Ledger: immutable double-entry journal. Entries and lines are insert-only for the application;
-- a correction is a reversal entry linked to the original (reversal_of is unique: at most one).

CREATE TABLE ledger_period (
  tenant_id    text        NOT NULL,
  month        date        NOT NULL CHECK (extract(day FROM month) = 1),
  status       text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  changed_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, month)
);
ALTER TABLE ledger_period ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_period FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_period
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ledger_period TO ${app_role};

CREATE TABLE ledger_journal_entry (
  tenant_id       text        NOT NULL,
  id              uuid        PRIMARY KEY,
  posting_seq     bigint      GENERATED ALWAYS AS IDENTITY,
  reference       text,
  description     text        NOT NULL,
  effective_date  date        NOT NULL,
  posted_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  reversal_of     uuid        UNIQUE REFERENCES ledger_journal_entry (id),
  line_count      int         NOT NULL CHECK (line_count >= 2),
  -- The bulk posting (or import) that wrote the entry: lineage and idempotent replays of batches.
  batch_id        uuid
);
CREATE INDEX ledger_journal_entry_effective ON ledger_journal_entry (tenant_id, effective_date, posting_seq);
CREATE INDEX ledger_journal_entry_batch ON ledger_journal_entry (batch_id) WHERE batch_id IS NOT NULL;
ALTER TABLE ledger_journal_entry ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_journal_entry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_journal_entry
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_journal_entry TO ${app_role};

CREATE TABLE ledger_journal_line (
  tenant_id       text          NOT NULL,
  entry_id        uuid          NOT NULL REFERENCES ledger_journal_entry (id),
  line_number     int           NOT NULL CHECK (line_number >= 1),
  account_id      uuid          NOT NULL REFERENCES ledger_account (id),
  side            text          NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
  amount          numeric(38,6) NOT NULL CHECK (amount > 0),
  currency        char(3)       NOT NULL,
  memo            text,
  -- Copied from the entry so balances read one table: effective time and system time.
  effective_date  date          NOT NULL,
  posted_at       timestamptz   NOT NULL,
  PRIMARY KEY (entry_id, line_number)
);
CREATE INDEX ledger_journal_line_account ON ledger_journal_line (tenant_id, account_id, effective_date);
ALTER TABLE ledger_journal_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_journal_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_journal_line
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_journal_line TO ${app_role};

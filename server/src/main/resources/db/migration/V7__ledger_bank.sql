-- Ledger: bank accounts, their transactions from the bank aggregator, categorisation rules.

-- A bank account. The IBAN is never stored in clear: iban_encrypted is AES-GCM bound to the tenant
-- (platform FieldCipher), iban_hash a per-tenant keyed pseudonym (PersonalDataHasher) for uniqueness.
CREATE TABLE ledger_bank_account (
  tenant_id          text          NOT NULL,
  id                 uuid          PRIMARY KEY,
  name               text          NOT NULL,
  bank_name          text          NOT NULL,
  entity             text          NOT NULL,
  currency           char(3)       NOT NULL,
  iban_encrypted     text          NOT NULL,
  iban_hash          text          NOT NULL,
  ledger_account_id  uuid          NOT NULL REFERENCES ledger_account (id),
  opening_balance    numeric(38,6) NOT NULL,
  opening_date       date          NOT NULL,
  external_id        text,
  created_at         timestamptz   NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, iban_hash)
);
CREATE INDEX ledger_bank_account_name ON ledger_bank_account (tenant_id, name, id);
ALTER TABLE ledger_bank_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_bank_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_bank_account
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_bank_account TO ${app_role};

-- Routes the aggregator's webhooks, which name an aggregator account id but no tenant, to the
-- tenant and bank account that registered that id. It holds no personal data. Anyone may read a
-- route (the webhook is resolved before any tenant is known); a tenant may only add its own.
CREATE TABLE ledger_bank_aggregator_route (
  external_id      text PRIMARY KEY,
  tenant_id        text NOT NULL,
  bank_account_id  uuid NOT NULL REFERENCES ledger_bank_account (id)
);
ALTER TABLE ledger_bank_aggregator_route ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_bank_aggregator_route FORCE ROW LEVEL SECURITY;
CREATE POLICY route_lookup ON ledger_bank_aggregator_route FOR SELECT USING (true);
CREATE POLICY tenant_isolation ON ledger_bank_aggregator_route FOR INSERT WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_bank_aggregator_route TO ${app_role};

-- A categorisation rule: simple patterns (no regular expressions) on counterparty and/or label.
CREATE TABLE ledger_bank_rule (
  tenant_id             text        NOT NULL,
  id                    uuid        PRIMARY KEY,
  name                  text        NOT NULL,
  counterparty_pattern  text,
  label_pattern         text,
  priority              int         NOT NULL,
  ledger_account_id     uuid        NOT NULL REFERENCES ledger_account (id),
  created_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (counterparty_pattern IS NOT NULL OR label_pattern IS NOT NULL)
);
CREATE INDEX ledger_bank_rule_priority ON ledger_bank_rule (tenant_id, priority, id);
ALTER TABLE ledger_bank_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_bank_rule FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_bank_rule
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON ledger_bank_rule TO ${app_role};

-- A bank transaction as delivered by the aggregator (webhook or polling), once per aggregator id.
-- amount is signed: positive is money in. A categorised transaction names its rule (or none when
-- mapped by hand), its counterpart pivot account and the journal entry that posted it.
CREATE TABLE ledger_bank_transaction (
  tenant_id          text          NOT NULL,
  id                 uuid          PRIMARY KEY,
  ingest_seq         bigint        GENERATED ALWAYS AS IDENTITY,
  bank_account_id    uuid          NOT NULL REFERENCES ledger_bank_account (id),
  external_id        text          NOT NULL,
  booking_date       date          NOT NULL,
  value_date         date          NOT NULL,
  amount             numeric(38,6) NOT NULL CHECK (amount <> 0),
  currency           char(3)       NOT NULL,
  counterparty       text          NOT NULL,
  label              text          NOT NULL,
  status             text          NOT NULL CHECK (status IN ('UNMATCHED', 'CATEGORIZED')),
  rule_id            uuid,
  ledger_account_id  uuid          REFERENCES ledger_account (id),
  journal_entry_id   uuid          REFERENCES ledger_journal_entry (id),
  received_at        timestamptz   NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, bank_account_id, external_id)
);
CREATE INDEX ledger_bank_transaction_booking ON ledger_bank_transaction (tenant_id, bank_account_id, booking_date);
CREATE INDEX ledger_bank_transaction_unmatched ON ledger_bank_transaction (tenant_id, booking_date, ingest_seq)
  WHERE status = 'UNMATCHED';
ALTER TABLE ledger_bank_transaction ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_bank_transaction FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_bank_transaction
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ledger_bank_transaction TO ${app_role};

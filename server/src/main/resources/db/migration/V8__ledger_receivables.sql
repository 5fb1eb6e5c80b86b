-- Ledger: receivables and payables (invoices and their payments), and escalation rules with the
-- tasks and webhook notifications they produce.

CREATE TABLE ledger_invoice (
  tenant_id          text          NOT NULL,
  id                 uuid          PRIMARY KEY,
  kind               text          NOT NULL CHECK (kind IN ('CUSTOMER', 'SUPPLIER')),
  number             text          NOT NULL,
  counterparty_code  text          NOT NULL,
  counterparty_name  text          NOT NULL,
  region             text          NOT NULL,
  issue_date         date          NOT NULL,
  due_date           date          NOT NULL,
  amount             numeric(38,6) NOT NULL CHECK (amount > 0),
  -- Sum of every payment, kept with the invoice so the overpayment check locks one row.
  paid_amount        numeric(38,6) NOT NULL DEFAULT 0,
  currency           char(3)       NOT NULL,
  created_at         timestamptz   NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, kind, number),
  CHECK (due_date >= issue_date),
  CHECK (paid_amount >= 0 AND paid_amount <= amount)
);
CREATE INDEX ledger_invoice_due ON ledger_invoice (tenant_id, kind, due_date, id);
CREATE INDEX ledger_invoice_counterparty ON ledger_invoice (tenant_id, counterparty_code);
ALTER TABLE ledger_invoice ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_invoice FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_invoice
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ledger_invoice TO ${app_role};

CREATE TABLE ledger_invoice_payment (
  tenant_id     text          NOT NULL,
  id            uuid          PRIMARY KEY,
  invoice_id    uuid          NOT NULL REFERENCES ledger_invoice (id),
  payment_date  date          NOT NULL,
  amount        numeric(38,6) NOT NULL CHECK (amount > 0),
  created_at    timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ledger_invoice_payment_invoice ON ledger_invoice_payment (tenant_id, invoice_id, payment_date);
ALTER TABLE ledger_invoice_payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_invoice_payment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_invoice_payment
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON ledger_invoice_payment TO ${app_role};

CREATE TABLE ledger_escalation_rule (
  tenant_id           text          NOT NULL,
  id                  uuid          PRIMARY KEY,
  name                text          NOT NULL,
  kind                text          NOT NULL CHECK (kind IN ('CUSTOMER', 'SUPPLIER')),
  min_days_overdue    int           NOT NULL CHECK (min_days_overdue >= 0),
  min_open_amount     numeric(38,6) NOT NULL CHECK (min_open_amount >= 0),
  currency            char(3)       NOT NULL,
  owner               text          NOT NULL,
  webhook_url         text,
  -- AES-GCM ciphertext bound to the tenant (platform FieldCipher); never returned by the API.
  webhook_secret      text,
  active              boolean       NOT NULL DEFAULT true,
  created_at          timestamptz   NOT NULL DEFAULT clock_timestamp(),
  updated_at          timestamptz   NOT NULL DEFAULT clock_timestamp(),
  CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL))
);
CREATE INDEX ledger_escalation_rule_created ON ledger_escalation_rule (tenant_id, created_at, id);
ALTER TABLE ledger_escalation_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_escalation_rule FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_escalation_rule
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ledger_escalation_rule TO ${app_role};

CREATE TABLE ledger_escalation_task (
  tenant_id      text          NOT NULL,
  id             uuid          PRIMARY KEY,
  task_seq       bigint        GENERATED ALWAYS AS IDENTITY,
  rule_id        uuid          NOT NULL REFERENCES ledger_escalation_rule (id),
  invoice_id     uuid          NOT NULL REFERENCES ledger_invoice (id),
  owner          text          NOT NULL,
  status         text          NOT NULL CHECK (status IN ('OPEN', 'DONE')),
  as_of          date          NOT NULL,
  days_overdue   int           NOT NULL,
  open_amount    numeric(38,6) NOT NULL,
  currency       char(3)       NOT NULL,
  created_at     timestamptz   NOT NULL DEFAULT clock_timestamp(),
  completed_at   timestamptz,
  completed_by   text,
  -- A rule escalates an invoice once: concurrent or repeated runs insert with ON CONFLICT DO NOTHING.
  UNIQUE (tenant_id, rule_id, invoice_id)
);
CREATE INDEX ledger_escalation_task_seq ON ledger_escalation_task (tenant_id, task_seq);
ALTER TABLE ledger_escalation_task ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_escalation_task FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_escalation_task
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ledger_escalation_task TO ${app_role};

-- One webhook notification per task that has a webhook; PENDING until the receiver answers 2xx.
-- The body is stored as sent, so every retry carries the same bytes and the same signature.
CREATE TABLE ledger_escalation_notification (
  tenant_id        text        NOT NULL,
  id               uuid        PRIMARY KEY,
  task_id          uuid        NOT NULL UNIQUE REFERENCES ledger_escalation_task (id),
  rule_id          uuid        NOT NULL REFERENCES ledger_escalation_rule (id),
  url              text        NOT NULL,
  body             text        NOT NULL,
  status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED')),
  attempts         int         NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  last_error       text,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ledger_escalation_notification_due ON ledger_escalation_notification (tenant_id, next_attempt_at)
  WHERE status = 'PENDING';
ALTER TABLE ledger_escalation_notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledger_escalation_notification FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ledger_escalation_notification
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON ledger_escalation_notification TO ${app_role};

-- The tenants that have escalation rules, for the scheduled run, which must find them before it
-- can enter any tenant's transaction. It holds tenant names only, so like the outbox it carries
-- no tenant policy; no GraphQL field reads it.
CREATE TABLE ledger_escalation_tenant (
  tenant_id  text        PRIMARY KEY,
  since      timestamptz NOT NULL DEFAULT clock_timestamp()
);
GRANT SELECT, INSERT ON ledger_escalation_tenant TO ${app_role};

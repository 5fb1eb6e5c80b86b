-- Dunning (issue 12, seed 004 step E): reminder cadences per customer segment, the customers' dunning
-- contacts, every message of every cadence, and the invoices whose cadence stopped (paid or disputed).
-- Invoices are the ledger's: they are named here by id and number only, read through OpenInvoices.

-- One cadence per segment: its steps (JSON array of {offsetDays, channel, tone}, offsets from the due
-- date, ascending) replace the previous ones at each change; revision grows by one.
CREATE TABLE scenarios_dunning_cadence (
  tenant_id   text        NOT NULL,
  id          uuid        PRIMARY KEY,
  segment     text        NOT NULL,
  steps       jsonb       NOT NULL,
  revision    int         NOT NULL DEFAULT 1 CHECK (revision >= 1),
  updated_by  text        NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, segment)
);
ALTER TABLE scenarios_dunning_cadence ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_dunning_cadence FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_dunning_cadence
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON scenarios_dunning_cadence TO ${app_role};

-- Who receives a customer's reminders, in which language, and the segment whose cadence applies.
CREATE TABLE scenarios_dunning_contact (
  tenant_id      text        NOT NULL,
  id             uuid        PRIMARY KEY,
  customer_code  text        NOT NULL,
  segment        text        NOT NULL,
  email          text        NOT NULL,
  language       text        NOT NULL CHECK (language IN ('FR', 'EN')),
  updated_by     text        NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, customer_code)
);
CREATE INDEX scenarios_dunning_contact_segment ON scenarios_dunning_contact (tenant_id, segment);
ALTER TABLE scenarios_dunning_contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_dunning_contact FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_dunning_contact
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON scenarios_dunning_contact TO ${app_role};

-- One row per (invoice, step), claimed before anything is sent: the unique key is what makes a
-- message go out at most once, whatever the number of runs or instances. PENDING is claimed and not
-- sent yet (a crash after the SMTP hand-over leaves it PENDING and it is never sent again); FAILED was
-- refused by the SMTP server and is retried by the next run; SKIPPED was due but superseded by a later
-- step of the same run (a customer is never sent two reminders of one invoice at once).
CREATE TABLE scenarios_dunning_message (
  tenant_id       text        NOT NULL,
  id              uuid        PRIMARY KEY,
  seq             bigint      GENERATED ALWAYS AS IDENTITY,
  invoice_id      uuid        NOT NULL,
  invoice_number  text        NOT NULL,
  customer_code   text        NOT NULL,
  segment         text        NOT NULL,
  step            int         NOT NULL CHECK (step >= 1),
  tone            text        NOT NULL,
  channel         text        NOT NULL,
  recipient       text        NOT NULL,
  scheduled_on    date        NOT NULL,
  subject         text        NOT NULL,
  body            text        NOT NULL,
  status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'BOUNCED', 'SKIPPED')),
  status_reason   text,
  attempts        int         NOT NULL DEFAULT 0,
  sent_at         timestamptz,
  created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, invoice_id, step)
);
CREATE INDEX scenarios_dunning_message_seq ON scenarios_dunning_message (tenant_id, seq);
CREATE INDEX scenarios_dunning_message_invoice ON scenarios_dunning_message (tenant_id, invoice_number, seq);
ALTER TABLE scenarios_dunning_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_dunning_message FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_dunning_message
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON scenarios_dunning_message TO ${app_role};

-- An invoice whose cadence stopped for good: PAID (found settled by a run) or DISPUTED (a person said so).
CREATE TABLE scenarios_dunning_stop (
  tenant_id       text        NOT NULL,
  id              uuid        PRIMARY KEY,
  invoice_id      uuid        NOT NULL,
  invoice_number  text        NOT NULL,
  reason          text        NOT NULL CHECK (reason IN ('PAID', 'DISPUTED')),
  note            text,
  stopped_on      date        NOT NULL,
  stopped_by      text        NOT NULL,
  stopped_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, invoice_id)
);
ALTER TABLE scenarios_dunning_stop ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_dunning_stop FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_dunning_stop
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON scenarios_dunning_stop TO ${app_role};

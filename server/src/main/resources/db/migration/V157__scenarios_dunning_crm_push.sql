-- Dunning statuses pushed to the tenant's CRM (issue 12, seed 004 step E): one receiver per tenant, and an outbox of
-- the pushes, written in the same transaction as the status they announce (a message sent or bounced, a cadence
-- stopped), so no status is lost between the two; each is delivered signed, retried with backoff until the receiver
-- answers 2xx, and cancelled when the tenant removes its receiver.

CREATE TABLE scenarios_dunning_webhook (
  tenant_id   text        PRIMARY KEY,
  url         text        NOT NULL,
  -- AES-GCM ciphertext bound to the tenant (platform FieldCipher); never returned by the API.
  secret      text        NOT NULL,
  revision    int         NOT NULL DEFAULT 1,
  updated_by  text        NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE scenarios_dunning_webhook ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_dunning_webhook FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_dunning_webhook
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON scenarios_dunning_webhook TO ${app_role};

-- The body is stored as it will be sent, so every retry carries the same bytes, signature and delivery id.
CREATE TABLE scenarios_dunning_push (
  tenant_id        text        NOT NULL,
  id               uuid        PRIMARY KEY,
  seq              bigint      GENERATED ALWAYS AS IDENTITY,
  event            text        NOT NULL,
  invoice_number   text        NOT NULL,
  body             text        NOT NULL,
  status           text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'CANCELLED')),
  attempts         int         NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  last_error       text,
  delivered_to     text,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX scenarios_dunning_push_due ON scenarios_dunning_push (tenant_id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX scenarios_dunning_push_seq ON scenarios_dunning_push (tenant_id, seq);
ALTER TABLE scenarios_dunning_push ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenarios_dunning_push FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenarios_dunning_push
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON scenarios_dunning_push TO ${app_role};

-- The tenants with a receiver, for the scheduled retry pass, which must find them before it can enter any tenant's
-- transaction. Tenant names only, like scenarios_dunning_tenant; no GraphQL field reads it.
CREATE TABLE scenarios_dunning_webhook_tenant (
  tenant_id  text        PRIMARY KEY,
  since      timestamptz NOT NULL DEFAULT clock_timestamp()
);
GRANT SELECT, INSERT ON scenarios_dunning_webhook_tenant TO ${app_role};

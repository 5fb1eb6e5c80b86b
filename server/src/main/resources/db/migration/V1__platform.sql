-- Platform tables: idempotency keys, the hash-chained audit log and the transactional outbox.
-- The application connects as ${app_role}; it is neither owner nor superuser, so the row-level
-- security policies below apply to every statement it runs (the second line of defence behind
-- the application's own tenant filtering).

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
    CREATE ROLE ${app_role} LOGIN PASSWORD '${app_password}';
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO ${app_role};

-- The tenant of the current transaction, set by the application with set_config(..., true).
-- Unset means no tenant: every policy then matches no row.
CREATE FUNCTION current_tenant() RETURNS text
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;

CREATE TABLE idempotency_key (
  tenant_id     text        NOT NULL,
  operation     text        NOT NULL,
  key           text        NOT NULL,
  request_hash  text        NOT NULL,
  result_id     uuid,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, operation, key)
);
ALTER TABLE idempotency_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON idempotency_key
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON idempotency_key TO ${app_role};

-- Audit: one chain per tenant. Each record's hash covers its content and the previous record's
-- hash, so altering, removing or reordering any record breaks the chain from that point on.
CREATE TABLE audit_chain_head (
  tenant_id  text   PRIMARY KEY,
  last_seq   bigint NOT NULL,
  last_hash  text   NOT NULL
);
ALTER TABLE audit_chain_head ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_chain_head FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_chain_head
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON audit_chain_head TO ${app_role};

CREATE TABLE audit_log (
  tenant_id       text        NOT NULL,
  seq             bigint      NOT NULL,
  id              uuid        NOT NULL UNIQUE,
  occurred_at     timestamptz NOT NULL,
  actor           text        NOT NULL,
  action          text        NOT NULL,
  target_type     text        NOT NULL,
  target_id       text,
  source_address  text,
  before_image    jsonb,
  after_image     jsonb,
  prev_hash       text        NOT NULL,
  hash            text        NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_occurred_at ON audit_log (tenant_id, occurred_at);
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
-- Append-only: the application may insert and read, never change or remove.
GRANT SELECT, INSERT ON audit_log TO ${app_role};

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- The one definition of a record's hash, used when appending and when verifying. Timestamps are
-- hashed as epoch microseconds and JSON as jsonb's normalised text, so the hash does not depend on
-- the session's time zone or on how the client formatted its JSON.
CREATE FUNCTION audit_record_hash(
  prev_hash text, seq bigint, id uuid, occurred_at timestamptz, actor text, action text,
  target_type text, target_id text, source_address text, before_image jsonb, after_image jsonb)
  RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT encode(sha256(convert_to(concat_ws(chr(31),
      prev_hash, seq::text, id::text,
      (extract(epoch FROM occurred_at) * 1000000)::bigint::text,
      actor, action, target_type, coalesce(target_id, ''), coalesce(source_address, ''),
      coalesce(before_image::text, ''), coalesce(after_image::text, '')), 'UTF8')), 'hex')
  $$;

-- Outbox: written in the same transaction as the change it announces; one delivery row per sink,
-- removed once that sink has acknowledged the event. The relay reads across tenants, so these
-- system tables carry no tenant policy; no GraphQL field reads them.
CREATE TABLE outbox_event (
  id           uuid        PRIMARY KEY,
  tenant_id    text        NOT NULL,
  type         text        NOT NULL,
  payload      jsonb       NOT NULL,
  occurred_at  timestamptz NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE outbox_delivery (
  event_id         uuid        NOT NULL REFERENCES outbox_event (id) ON DELETE CASCADE,
  sink             text        NOT NULL,
  attempts         int         NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  last_error       text,
  PRIMARY KEY (event_id, sink)
);
CREATE INDEX outbox_delivery_due ON outbox_delivery (sink, next_attempt_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_event, outbox_delivery TO ${app_role};

-- CRM connectors (issue 10): deals synchronised from Salesforce and HubSpot land in sales_deal next
-- to the imported ones. A synchronised deal names its provider and record id instead of an import
-- (one source or the other, never both), and the pair is unique in the tenant, so syncing the same
-- record again updates the row instead of adding one. Its lineage is the sync that last changed it
-- and its position among that sync's records.
ALTER TABLE sales_deal ALTER COLUMN import_id DROP NOT NULL;
ALTER TABLE sales_deal ADD COLUMN crm_provider    text CHECK (crm_provider IN ('SALESFORCE', 'HUBSPOT'));
ALTER TABLE sales_deal ADD COLUMN crm_record_id   text;
ALTER TABLE sales_deal ADD COLUMN crm_sync_id     uuid;
ALTER TABLE sales_deal ADD COLUMN crm_modified_at timestamptz;
ALTER TABLE sales_deal ADD CONSTRAINT sales_deal_one_source CHECK (
  (import_id IS NOT NULL AND crm_provider IS NULL AND crm_record_id IS NULL AND crm_sync_id IS NULL AND crm_modified_at IS NULL)
  OR (import_id IS NULL AND crm_provider IS NOT NULL AND crm_record_id IS NOT NULL AND crm_sync_id IS NOT NULL
      AND crm_modified_at IS NOT NULL));
CREATE UNIQUE INDEX sales_deal_crm_record ON sales_deal (tenant_id, crm_provider, crm_record_id) WHERE crm_provider IS NOT NULL;
GRANT UPDATE ON sales_deal TO ${app_role};

-- One connection per tenant and provider: the credentials (AES-256-GCM under the server's key, bound
-- to the tenant, never read back by the API), the mapping settings, and the watermark: the newest
-- last-modified time of the records a committed sync stored. It moves only in the transaction that
-- stores those records, so a failed sync leaves it where it was and the next one fetches the same
-- records again.
CREATE TABLE sales_crm_connection (
  tenant_id            text        NOT NULL,
  provider             text        NOT NULL CHECK (provider IN ('SALESFORCE', 'HUBSPOT')),
  credentials          text        NOT NULL,
  settings             text        NOT NULL,
  watermark            timestamptz,
  configured_by        text        NOT NULL,
  configured_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, provider)
);
ALTER TABLE sales_crm_connection ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_crm_connection FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sales_crm_connection
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON sales_crm_connection TO ${app_role};

-- Each sync: who asked, its job, what it fetched and did, and why it failed when it did.
CREATE TABLE sales_crm_sync (
  tenant_id        text        NOT NULL,
  id               uuid        NOT NULL PRIMARY KEY,
  provider         text        NOT NULL CHECK (provider IN ('SALESFORCE', 'HUBSPOT')),
  status           text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
  job_id           uuid        NOT NULL,
  requested_by     text        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at      timestamptz,
  watermark_before timestamptz,
  watermark_after  timestamptz,
  fetched          integer     NOT NULL DEFAULT 0 CHECK (fetched >= 0),
  inserted         integer     NOT NULL DEFAULT 0 CHECK (inserted >= 0),
  updated          integer     NOT NULL DEFAULT 0 CHECK (updated >= 0),
  unchanged        integer     NOT NULL DEFAULT 0 CHECK (unchanged >= 0),
  skipped          integer     NOT NULL DEFAULT 0 CHECK (skipped >= 0),
  failure          text,
  failure_message  text,
  CHECK ((status = 'FAILED') = (failure IS NOT NULL))
);
CREATE INDEX sales_crm_sync_recent ON sales_crm_sync (tenant_id, created_at DESC, id DESC);
ALTER TABLE sales_crm_sync ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_crm_sync FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sales_crm_sync
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON sales_crm_sync TO ${app_role};

-- The records a sync skipped and why (a missing amount, an unknown stage...): never a partial deal.
CREATE TABLE sales_crm_skipped_record (
  tenant_id  text    NOT NULL,
  sync_id    uuid    NOT NULL REFERENCES sales_crm_sync (id),
  position   integer NOT NULL CHECK (position > 0),
  record_id  text    NOT NULL,
  reason     text    NOT NULL,
  message    text    NOT NULL,
  PRIMARY KEY (sync_id, position)
);
ALTER TABLE sales_crm_skipped_record ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_crm_skipped_record FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sales_crm_skipped_record
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON sales_crm_skipped_record TO ${app_role};

COMMENT ON TABLE sales_crm_connection IS 'CRM connections per tenant and provider, owned by com.performanceos.rules.sales.crm.';
COMMENT ON TABLE sales_crm_sync IS 'CRM syncs, owned by com.performanceos.rules.sales.crm.';
COMMENT ON TABLE sales_crm_skipped_record IS 'CRM records a sync skipped, owned by com.performanceos.rules.sales.crm.';

-- Tenders: sealed bids. A bid row belongs to the vendor's tenant. The buyer's tenant sees it only once the
-- deadline has passed by the database clock: before that, not even the number of bids is visible to a
-- session of the buyer's tenant (the application role is subject to this policy like any reader). The
-- content is sealed with the tender's public key (tenders_tender_key holds the private half); the vendor's
-- own copy is encrypted with the server's field key bound to the vendor's tenant.
CREATE TABLE tenders_bid (
  tenant_id         text         NOT NULL,
  id                uuid         NOT NULL PRIMARY KEY,
  buyer_tenant_id   text         NOT NULL,
  tender_id         uuid         NOT NULL REFERENCES tenders_tender (id),
  lot_id            uuid         NOT NULL REFERENCES tenders_lot (id),
  deadline          timestamptz  NOT NULL,
  status            text         NOT NULL CHECK (status IN ('SUBMITTED', 'WITHDRAWN')),
  version           int          NOT NULL CHECK (version >= 1),
  submitted_at      timestamptz  NOT NULL,
  withdrawn_at      timestamptz,
  sealed_content    text,
  vendor_copy       text,
  receipt_sha256    char(64),
  UNIQUE (lot_id, tenant_id),
  -- Late bids are impossible, whatever the code above does: every change is stamped before the deadline.
  CHECK (submitted_at < deadline),
  CHECK (withdrawn_at IS NULL OR withdrawn_at < deadline),
  CHECK ((status = 'SUBMITTED') = (sealed_content IS NOT NULL AND vendor_copy IS NOT NULL AND receipt_sha256 IS NOT NULL))
);
ALTER TABLE tenders_bid ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_bid FORCE ROW LEVEL SECURITY;
CREATE POLICY vendor_or_opened_to_buyer ON tenders_bid
  USING (tenant_id = current_tenant() OR (buyer_tenant_id = current_tenant() AND clock_timestamp() >= deadline))
  WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON tenders_bid TO ${app_role};

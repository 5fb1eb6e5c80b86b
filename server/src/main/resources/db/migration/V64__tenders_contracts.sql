-- Tenders: contracts. A contract is signed on an awarded lot once its standstill is over. It keeps what
-- the open data (DECP 2.0.3, OCDS 1.1.5) publish as they were at signature (buyer, object, CPV, procedure,
-- place, holder, amount, number of offers): those are facts of the signed contract, changed only through
-- amendments, so the export streams one table instead of joining five owned by other packages.
CREATE TABLE tenders_contract (
  tenant_id           text          NOT NULL,
  id                  uuid          NOT NULL PRIMARY KEY,
  lot_id              uuid          NOT NULL UNIQUE REFERENCES tenders_lot (id),
  tender_id           uuid          NOT NULL REFERENCES tenders_tender (id),
  tender_reference    text          NOT NULL,
  lot_number          int           NOT NULL,
  lot_count           int           NOT NULL CHECK (lot_count >= 1),
  object              text          NOT NULL,
  description         text          NOT NULL,
  nature              text          NOT NULL CHECK (nature IN ('WORKS', 'SUPPLIES', 'SERVICES')),
  procedure           text          NOT NULL,
  cpv_code            text          NOT NULL,
  department          text          NOT NULL,
  buyer_siret         char(14)      NOT NULL,
  buyer_name          text          NOT NULL,
  holder_siret        char(14)      NOT NULL,
  holder_name         text          NOT NULL,
  holder_sme          boolean       NOT NULL,
  amount              numeric(16,2) NOT NULL CHECK (amount > 0),
  offers_received     int           NOT NULL CHECK (offers_received >= 1),
  award_notified_on   date          NOT NULL,
  notified_on         date          NOT NULL CHECK (notified_on >= award_notified_on),
  duration_months     int           NOT NULL CHECK (duration_months BETWEEN 1 AND 600),
  price_form          text          NOT NULL CHECK (price_form IN ('UNIT', 'LUMP_SUM', 'MIXED')),
  signed_by           text          NOT NULL,
  created_at          timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX tenders_contract_export ON tenders_contract (tenant_id, notified_on, id);
ALTER TABLE tenders_contract ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_contract FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_contract USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenders_contract TO ${app_role};

-- The open-data threshold: contracts from this amount (excl. VAT) are published as essential data.
INSERT INTO reference_value (key, effective_from, effective_to, value, unit, source) VALUES
  ('procurement.open-data-threshold', '2024-01-01', NULL, 40000, 'EUR',
   'CCP R2196-1 and arrêté du 22 décembre 2022 (données essentielles des marchés publics, DECP 2.0)');

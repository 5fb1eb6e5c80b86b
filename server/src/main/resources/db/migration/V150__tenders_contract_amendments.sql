-- Tenders: amendments of signed contracts (DECP 2.0.3 "modifications", OCDS contract amendments). The signed
-- facts in tenders_contract never change; each amendment is a new row, numbered from 1 in notification order,
-- carrying only what it changes (a new amount, a new duration, new holders) and the two dates DECP publishes.
CREATE TABLE tenders_contract_amendment (
  tenant_id        text          NOT NULL,
  id               uuid          NOT NULL PRIMARY KEY,
  contract_id      uuid          NOT NULL REFERENCES tenders_contract (id),
  sequence         int           NOT NULL CHECK (sequence BETWEEN 1 AND 100),
  notified_on      date          NOT NULL,
  published_on     date          NOT NULL CHECK (published_on >= notified_on),
  amount           numeric(16,2) CHECK (amount > 0),
  duration_months  int           CHECK (duration_months BETWEEN 1 AND 600),
  holder_sirets    char(14)[]    CHECK (cardinality(holder_sirets) BETWEEN 1 AND 10),
  reason           text          NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  recorded_by      text          NOT NULL,
  created_at       timestamptz   NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (contract_id, sequence),
  CHECK (amount IS NOT NULL OR duration_months IS NOT NULL OR holder_sirets IS NOT NULL)
);
ALTER TABLE tenders_contract_amendment ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_contract_amendment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_contract_amendment USING (tenant_id = current_tenant())
  WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenders_contract_amendment TO ${app_role};

-- How far one amendment may raise the price: 50 % of the initial amount (CCP R2194-3 for unforeseen circumstances,
-- R2194-2 for additional work), beyond which a new procurement is needed.
INSERT INTO reference_value (key, effective_from, effective_to, value, unit, source) VALUES
  ('procurement.amendment-increase-max', '2019-04-01', NULL, 50, 'PERCENT',
   'CCP R2194-2 et R2194-3 (modification du marché : 50 % du montant du marché initial par modification)');

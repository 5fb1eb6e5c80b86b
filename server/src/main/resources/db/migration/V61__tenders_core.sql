-- Tenders: organisations, tenders, lots and their criteria.

-- The organisation of a tenant: a buyer or a bidding company (one per tenant).
CREATE TABLE tenders_organisation (
  tenant_id   text        NOT NULL PRIMARY KEY,
  id          uuid        NOT NULL UNIQUE,
  siret       char(14)    NOT NULL CHECK (siret ~ '^[0-9]{14}$'),
  name        text        NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('COMMUNE', 'DEPARTEMENT', 'REGION', 'EPCI', 'ETABLISSEMENT_PUBLIC',
                                                   'CENTRAL_GOVERNMENT', 'UTILITY', 'COMPANY')),
  sme         boolean     NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE tenders_organisation ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_organisation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_organisation
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenders_organisation TO ${app_role};

-- A tender. A published tender is a public notice: every tenant may read it (vendors bid on it), only its
-- buyer's tenant may write it.
CREATE TABLE tenders_tender (
  tenant_id                 text          NOT NULL,
  id                        uuid          NOT NULL PRIMARY KEY,
  reference                 text          NOT NULL,
  title                     text          NOT NULL,
  description               text          NOT NULL,
  nature                    text          NOT NULL CHECK (nature IN ('WORKS', 'SUPPLIES', 'SERVICES')),
  procedure                 text          NOT NULL CHECK (procedure IN ('NONE', 'MAPA', 'OPEN', 'RESTRICTED',
                                                                       'COMPETITIVE_DIALOGUE', 'NEGOTIATED')),
  cpv_codes                 text[]        NOT NULL,
  estimated_value           numeric(16,2) NOT NULL CHECK (estimated_value > 0),
  department                text          NOT NULL,
  electronic_submission     boolean       NOT NULL,
  urgency                   boolean       NOT NULL,
  prior_information_notice  boolean       NOT NULL,
  submission_deadline       timestamptz   NOT NULL,
  buyer_siret               char(14)      NOT NULL,
  buyer_name                text          NOT NULL,
  buyer_kind                text          NOT NULL,
  created_by                text          NOT NULL,
  created_at                timestamptz   NOT NULL DEFAULT clock_timestamp(),
  published_by              text,
  published_at              timestamptz,
  -- The public half of the tender's bid key pair (X.509, base64), set at publication: vendors' bids are
  -- sealed with it; the private half is in tenders_tender_key.
  bid_public_key            text,
  UNIQUE (tenant_id, reference),
  CHECK ((published_at IS NULL) = (bid_public_key IS NULL))
);
CREATE INDEX tenders_tender_published ON tenders_tender (published_at DESC, id) WHERE published_at IS NOT NULL;
ALTER TABLE tenders_tender ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_tender FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_or_published ON tenders_tender
  USING (tenant_id = current_tenant() OR published_at IS NOT NULL) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON tenders_tender TO ${app_role};

-- The private half of a tender's bid key pair, encrypted with the server's field key (tenant as associated
-- data). Only the buyer's tenant reads the row, and the server unwraps it only once the deadline has passed.
CREATE TABLE tenders_tender_key (
  tenant_id           text NOT NULL,
  tender_id           uuid NOT NULL PRIMARY KEY REFERENCES tenders_tender (id),
  private_key_sealed  text NOT NULL
);
ALTER TABLE tenders_tender_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_tender_key FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_tender_key
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenders_tender_key TO ${app_role};

CREATE TABLE tenders_lot (
  tenant_id               text          NOT NULL,
  id                      uuid          NOT NULL PRIMARY KEY,
  tender_id               uuid          NOT NULL REFERENCES tenders_tender (id),
  number                  int           NOT NULL CHECK (number BETWEEN 1 AND 50),
  title                   text          NOT NULL,
  estimated_value         numeric(16,2) NOT NULL CHECK (estimated_value > 0),
  price_method            text          NOT NULL CHECK (price_method IN ('LOWEST_PRICE_RATIO', 'LINEAR')),
  abnormally_low_percent  int           NOT NULL CHECK (abnormally_low_percent BETWEEN 1 AND 99),
  selection_criteria      text[]        NOT NULL,
  -- Stored states; CLOSED is derived (PUBLISHED past the tender's deadline) so that it happens at the
  -- deadline itself, without a job.
  status                  text          NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'EVALUATION', 'AWARDED',
                                                                 'UNSUCCESSFUL', 'CANCELLED')),
  UNIQUE (tender_id, number)
);
ALTER TABLE tenders_lot ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_lot FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_or_published ON tenders_lot
  USING (tenant_id = current_tenant() OR status <> 'DRAFT') WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON tenders_lot TO ${app_role};

CREATE TABLE tenders_criterion (
  tenant_id  text NOT NULL,
  lot_id     uuid NOT NULL REFERENCES tenders_lot (id),
  position   int  NOT NULL CHECK (position BETWEEN 1 AND 10),
  name       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('PRICE', 'TECHNICAL')),
  weight     int  NOT NULL CHECK (weight BETWEEN 1 AND 100),
  PRIMARY KEY (lot_id, position)
);
ALTER TABLE tenders_criterion ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_criterion FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_or_published ON tenders_criterion
  USING (tenant_id = current_tenant() OR EXISTS (SELECT 1 FROM tenders_lot l WHERE l.id = lot_id AND l.status <> 'DRAFT'))
  WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenders_criterion TO ${app_role};

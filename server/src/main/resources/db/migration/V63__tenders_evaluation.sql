-- Tenders: evaluation. Offers are the bids of a lot once opened, copied into the buyer's tenant; technical
-- scores are per evaluator, criterion and offer; evaluators declare no conflict of interest per lot first.
CREATE TABLE tenders_offer (
  tenant_id              text          NOT NULL,
  id                     uuid          NOT NULL PRIMARY KEY,
  lot_id                 uuid          NOT NULL REFERENCES tenders_lot (id),
  bid_id                 uuid          NOT NULL UNIQUE,
  vendor_siret           char(14)      NOT NULL,
  vendor_name            text          NOT NULL,
  vendor_sme             boolean       NOT NULL,
  amount                 numeric(16,2) NOT NULL CHECK (amount > 0),
  documents              text[]        NOT NULL,
  receipt_sha256         char(64)      NOT NULL,
  submitted_at           timestamptz   NOT NULL,
  opened_at              timestamptz   NOT NULL DEFAULT clock_timestamp(),
  -- Abnormally low offers are detected at opening and never rejected without the buyer's recorded decision.
  abnormally_low         boolean       NOT NULL,
  abnormally_low_reference numeric(16,2),
  abnormally_low_status  text          NOT NULL CHECK (abnormally_low_status IN ('NONE', 'JUSTIFICATION_REQUESTED', 'ACCEPTED', 'REJECTED')),
  abnormally_low_reason  text,
  abnormally_low_decided_by text,
  award_status           text          NOT NULL DEFAULT 'NONE' CHECK (award_status IN ('NONE', 'PENDING', 'AWARDED', 'FAILED')),
  award_failure_reason   text,
  CHECK (abnormally_low OR abnormally_low_status = 'NONE'),
  CHECK (abnormally_low_status NOT IN ('ACCEPTED', 'REJECTED') OR (abnormally_low_reason IS NOT NULL AND abnormally_low_decided_by IS NOT NULL))
);
CREATE INDEX tenders_offer_lot ON tenders_offer (lot_id);
ALTER TABLE tenders_offer ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_offer FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_offer USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON tenders_offer TO ${app_role};

CREATE TABLE tenders_evaluator (
  tenant_id    text        NOT NULL,
  lot_id       uuid        NOT NULL REFERENCES tenders_lot (id),
  evaluator    text        NOT NULL,
  declared_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (lot_id, evaluator)
);
ALTER TABLE tenders_evaluator ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_evaluator FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_evaluator USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenders_evaluator TO ${app_role};

CREATE TABLE tenders_score (
  tenant_id      text          NOT NULL,
  offer_id       uuid          NOT NULL REFERENCES tenders_offer (id),
  position       int           NOT NULL,
  evaluator      text          NOT NULL,
  points         numeric(7,2)  NOT NULL CHECK (points >= 0),
  justification  text          NOT NULL CHECK (length(justification) BETWEEN 1 AND 2000),
  scored_at      timestamptz   NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (offer_id, position, evaluator)
);
ALTER TABLE tenders_score ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_score FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_score USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON tenders_score TO ${app_role};

-- The notification of a lot's award: its date, how it was sent and the standstill it starts.
CREATE TABLE tenders_award (
  tenant_id           text        NOT NULL,
  lot_id              uuid        NOT NULL PRIMARY KEY REFERENCES tenders_lot (id),
  offer_id            uuid        NOT NULL REFERENCES tenders_offer (id),
  notified_on         date        NOT NULL,
  electronic          boolean     NOT NULL,
  standstill_days     int,
  standstill_ends_on  date,
  standstill_source   text,
  CHECK ((standstill_days IS NULL) = (standstill_ends_on IS NULL))
);
ALTER TABLE tenders_award ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_award FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_award USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenders_award TO ${app_role};

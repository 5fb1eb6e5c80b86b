-- Tenders: clarification questions. A vendor asks about a published tender; the buyer answers, and the answer is
-- published to every vendor alike (equal treatment), without the asker's identity. The asker sees its own question
-- at once; the buyer sees every question of its tenders; everyone sees answered ones.
CREATE TABLE tenders_question (
  tenant_id         text          NOT NULL,
  id                uuid          NOT NULL PRIMARY KEY,
  tender_id         uuid          NOT NULL REFERENCES tenders_tender (id),
  buyer_tenant_id   text          NOT NULL,
  question          text          NOT NULL CHECK (length(question) BETWEEN 1 AND 4000),
  asked_at          timestamptz   NOT NULL DEFAULT clock_timestamp(),
  answer            text          CHECK (answer IS NULL OR length(answer) BETWEEN 1 AND 10000),
  answered_at       timestamptz,
  answered_by       text,
  CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
);
CREATE INDEX tenders_question_tender ON tenders_question (tender_id, asked_at);
ALTER TABLE tenders_question ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_question FORCE ROW LEVEL SECURITY;
CREATE POLICY asker_buyer_or_answered ON tenders_question FOR SELECT
  USING (tenant_id = current_tenant() OR buyer_tenant_id = current_tenant() OR answered_at IS NOT NULL);
CREATE POLICY asked_by_own_tenant ON tenders_question FOR INSERT WITH CHECK (tenant_id = current_tenant());
CREATE POLICY answered_by_buyer ON tenders_question FOR UPDATE
  USING (buyer_tenant_id = current_tenant()) WITH CHECK (buyer_tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON tenders_question TO ${app_role};

-- Additional information must reach candidates some days before the deadline (formalised procedures).
INSERT INTO reference_value (key, effective_from, effective_to, value, unit, source) VALUES
  ('procurement.additional-information-days', '2019-04-01', NULL, 6, 'DAYS',
   'CCP R2132-6 (additional information sent at least 6 days before the deadline for the receipt of tenders)'),
  ('procurement.additional-information-days.urgency', '2019-04-01', NULL, 4, 'DAYS',
   'CCP R2132-6 (4 days in urgency)');

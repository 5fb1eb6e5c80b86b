-- Platform: shared reference data, effective-dated. A legal threshold or time limit changes by decree on a
-- given date; a check made for a date must use the value in force on that date, so values are never
-- updated in place: a change is a new row from its effective date, and the previous row gets its end.
-- Not tenant data (the law is the same for every tenant), hence no tenant column and no row-level
-- security; the application role may only read it.
CREATE TABLE reference_value (
  key             text        NOT NULL CHECK (key ~ '^[a-z0-9.-]{1,120}$'),
  effective_from  date        NOT NULL,
  effective_to    date        CHECK (effective_to IS NULL OR effective_to > effective_from),
  value           numeric     NOT NULL,
  unit            text        NOT NULL CHECK (unit IN ('EUR', 'DAYS', 'PERCENT')),
  source          text        NOT NULL CHECK (length(source) BETWEEN 1 AND 500),
  PRIMARY KEY (key, effective_from)
);

-- Two rows of one key never overlap: at most one value is in force on any day.
CREATE FUNCTION reference_value_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM reference_value r WHERE r.key = NEW.key AND r.effective_from <> NEW.effective_from
      AND daterange(r.effective_from, r.effective_to) && daterange(NEW.effective_from, NEW.effective_to)) THEN
    RAISE EXCEPTION 'reference value % overlaps another period from %', NEW.key, NEW.effective_from;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER reference_value_no_overlap AFTER INSERT OR UPDATE ON reference_value
  FOR EACH ROW EXECUTE FUNCTION reference_value_no_overlap();
GRANT SELECT ON reference_value TO ${app_role};

-- Public procurement (France / EU). Thresholds are excluding VAT.
INSERT INTO reference_value (key, effective_from, effective_to, value, unit, source) VALUES
  ('procurement.no-procedure-threshold.supplies', '2020-01-01', '2026-04-01', 40000, 'EUR', 'Décret n° 2019-1344 du 12 décembre 2019 (CCP R2122-8)'),
  ('procurement.no-procedure-threshold.supplies', '2026-04-01', NULL, 60000, 'EUR', 'Décret n° 2025-1386 (CCP R2122-8), from 2026-04-01'),
  ('procurement.no-procedure-threshold.services', '2020-01-01', '2026-04-01', 40000, 'EUR', 'Décret n° 2019-1344 du 12 décembre 2019 (CCP R2122-8)'),
  ('procurement.no-procedure-threshold.services', '2026-04-01', NULL, 60000, 'EUR', 'Décret n° 2025-1386 (CCP R2122-8), from 2026-04-01'),
  ('procurement.no-procedure-threshold.works', '2020-01-01', '2026-01-01', 40000, 'EUR', 'Décret n° 2019-1344 du 12 décembre 2019 (CCP R2122-8)'),
  ('procurement.no-procedure-threshold.works', '2026-01-01', NULL, 100000, 'EUR', 'Décret n° 2025-1386 (CCP R2122-8), works from 2026-01-01'),
  ('procurement.eu-threshold.works', '2024-01-01', '2026-01-01', 5538000, 'EUR', 'Règlement délégué (UE) 2023/2497 (Directive 2014/24/UE art. 4), 2024-2025'),
  ('procurement.eu-threshold.works', '2026-01-01', NULL, 5404000, 'EUR', 'Règlements délégués (UE) of 2025 revising the Directive 2014/24/UE thresholds, 2026-2027'),
  ('procurement.eu-threshold.central-government', '2024-01-01', '2026-01-01', 143000, 'EUR', 'Règlement délégué (UE) 2023/2497 (Directive 2014/24/UE art. 4), 2024-2025'),
  ('procurement.eu-threshold.central-government', '2026-01-01', NULL, 140000, 'EUR', 'Règlements délégués (UE) of 2025 revising the Directive 2014/24/UE thresholds, 2026-2027'),
  ('procurement.eu-threshold.local-authorities', '2024-01-01', '2026-01-01', 221000, 'EUR', 'Règlement délégué (UE) 2023/2497 (Directive 2014/24/UE art. 4), 2024-2025'),
  ('procurement.eu-threshold.local-authorities', '2026-01-01', NULL, 216000, 'EUR', 'Règlements délégués (UE) of 2025 revising the Directive 2014/24/UE thresholds, 2026-2027'),
  ('procurement.eu-threshold.utilities', '2024-01-01', '2026-01-01', 443000, 'EUR', 'Règlement délégué (UE) 2023/2496 (Directive 2014/25/UE art. 15), 2024-2025'),
  ('procurement.eu-threshold.utilities', '2026-01-01', NULL, 432000, 'EUR', 'Règlements délégués (UE) of 2025 revising the Directive 2014/25/UE thresholds, 2026-2027'),
  ('procurement.open-procedure-minimum-days', '2019-04-01', NULL, 35, 'DAYS', 'CCP R2161-2 (open procedure, minimum time limit for the receipt of tenders)'),
  ('procurement.open-procedure-minimum-days.electronic', '2019-04-01', NULL, 30, 'DAYS', 'CCP R2161-2 (reduced by 5 days when tenders are submitted electronically)'),
  ('procurement.open-procedure-minimum-days.urgency-or-prior-notice', '2019-04-01', NULL, 15, 'DAYS', 'CCP R2161-2 and R2161-3 (urgency, or a prior information notice)'),
  ('procurement.standstill-days.electronic', '2019-04-01', NULL, 11, 'DAYS', 'CCP R2182-1 (notification sent electronically)'),
  ('procurement.standstill-days.other', '2019-04-01', NULL, 16, 'DAYS', 'CCP R2182-1 (notification not sent electronically)');

-- Exchange rates as effective-dated reference values (issue 12): key fx.<from>.<to> in lower case (fx.usd.eur),
-- value = units of <to> for one <from>, unit RATE. Like every reference value a new rate is a new row from its
-- effective date (the previous row gets its end). No rate is seeded: a made-up rate would be worse than a
-- forecast refused with MISSING_EXCHANGE_RATE; rates are loaded from the operator's source (ECB, the bank).
ALTER TABLE reference_value DROP CONSTRAINT reference_value_unit_check;
ALTER TABLE reference_value ADD CONSTRAINT reference_value_unit_check CHECK (unit IN ('EUR', 'DAYS', 'PERCENT', 'RATE'));

-- Why a calculation run failed, typed (issue 10): {code, currency, planCurrency, date, message}. A deal in another
-- currency than its plan's without a rate in force on its close date fails the run with MISSING_EXCHANGE_RATE.
ALTER TABLE commission_run ADD COLUMN failure jsonb;

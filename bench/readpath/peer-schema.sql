-- The PostGraphile side's `accountBalances`: PostGraphile exposes a set-returning SQL function as a
-- connection, so the server's balance query (ledger/balances/BalanceController, no slice, knownAt = now)
-- becomes one. SECURITY INVOKER (the default): it runs as the application role, under row-level security.
-- Created by the benchmark in its own schema; the server's schema is not changed.
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS postgraphile_bench;
GRANT USAGE ON SCHEMA postgraphile_bench TO pos_app;
DROP FUNCTION IF EXISTS postgraphile_bench.account_balances(date);
DROP TYPE IF EXISTS postgraphile_bench.account_balance;
CREATE TYPE postgraphile_bench.account_balance AS (
  code text, name text, currency text, debit numeric, credit numeric, net numeric, line_count bigint);
CREATE FUNCTION postgraphile_bench.account_balances(as_of date) RETURNS SETOF postgraphile_bench.account_balance
LANGUAGE sql STABLE AS $$
  SELECT a.code, a.name, a.currency::text,
         coalesce(sum(l.amount) FILTER (WHERE l.side = 'DEBIT'), 0),
         coalesce(sum(l.amount) FILTER (WHERE l.side = 'CREDIT'), 0),
         coalesce(sum(l.amount) FILTER (WHERE l.side = 'DEBIT'), 0) - coalesce(sum(l.amount) FILTER (WHERE l.side = 'CREDIT'), 0),
         count(l.amount)
  FROM ledger_account a
  LEFT JOIN ledger_journal_line l
         ON l.account_id = a.id AND l.effective_date <= as_of AND date_trunc('milliseconds', l.posted_at) <= now()
  GROUP BY a.id, a.code, a.name, a.currency
  ORDER BY a.code
$$;
GRANT EXECUTE ON FUNCTION postgraphile_bench.account_balances(date) TO pos_app;

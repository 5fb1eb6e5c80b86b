-- Market watch (issue 13): a new notice's matches for every tenant in one statement and one transaction, where each
-- tenant's matches used to take a transaction of their own (about 370 per notice at 100,000 saved searches).
--
-- The function runs with the caller's rights (SECURITY INVOKER, the default), so row-level security holds for every
-- row: before each tenant's rows it binds the transaction to that tenant exactly as the application does
-- (set_config('app.tenant_id', ..., true)), inserts only through the tenant_isolation policy, and writes a match only
-- for a saved search that tenant can see (a search deleted since the index was loaded, or another tenant's, is
-- skipped). It gives the application no right it did not have. The transaction's own tenant is restored at the end.
-- Returns the searches whose match was recorded (a match already recorded is skipped).
CREATE FUNCTION tenders_watch_record_matches(p_notice uuid, p_tenants text[], p_searches uuid[], p_scores int[],
    p_explanations text[])
  RETURNS SETOF uuid
  LANGUAGE plpgsql AS $$
DECLARE
  v_home  text := current_setting('app.tenant_id', true);
  v_bound text;
BEGIN
  IF cardinality(p_tenants) IS DISTINCT FROM cardinality(p_searches)
     OR cardinality(p_scores) IS DISTINCT FROM cardinality(p_searches)
     OR cardinality(p_explanations) IS DISTINCT FROM cardinality(p_searches) THEN
    RAISE EXCEPTION 'tenders_watch_record_matches: the four arrays must have the same length';
  END IF;
  FOR i IN 1 .. coalesce(cardinality(p_searches), 0) LOOP
    IF p_tenants[i] IS NULL OR p_tenants[i] = '' THEN
      RAISE EXCEPTION 'tenders_watch_record_matches: match % has no tenant', i;
    END IF;
    IF v_bound IS DISTINCT FROM p_tenants[i] THEN
      PERFORM set_config('app.tenant_id', p_tenants[i], true);
      v_bound := p_tenants[i];
    END IF;
    INSERT INTO tenders_watch_match (tenant_id, search_id, notice_id, score, explanation)
      SELECT p_tenants[i], s.id, p_notice, p_scores[i], p_explanations[i]
      FROM tenders_watch_search s
      WHERE s.id = p_searches[i]
      ON CONFLICT DO NOTHING;
    IF FOUND THEN
      RETURN NEXT p_searches[i];
    END IF;
  END LOOP;
  PERFORM set_config('app.tenant_id', coalesce(v_home, ''), true);
END $$;

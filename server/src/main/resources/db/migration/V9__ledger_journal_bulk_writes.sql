-- Journal writes at bulk size (a 10,000-entry posting, an import chunk) without weaker guarantees.
--
-- Measured before this migration (EXPLAIN ANALYZE of one 10,000-entry / 20,000-line posting): the
-- two per-row foreign keys of ledger_journal_line were about 40 % of the statement's time (two
-- look-ups through SPI per line), and the full unique index on reversal_of indexed 10,000 NULLs.
-- The references are now checked once per statement, set-based, against the inserted rows; and
-- because a statement-level check cannot lock the rows it found, the referenced rows are made
-- impossible to remove instead: journal entries and lines are insert-only (as the domain already
-- says: a mistake is corrected by a reversal, never by an edit) and accounts are never deleted.

-- At most one reversal per entry: the same guarantee, without indexing the entries that are not
-- reversals (nearly all of them).
ALTER TABLE ledger_journal_entry DROP CONSTRAINT ledger_journal_entry_reversal_of_key;
CREATE UNIQUE INDEX ledger_journal_entry_reversal ON ledger_journal_entry (reversal_of) WHERE reversal_of IS NOT NULL;

ALTER TABLE ledger_journal_line DROP CONSTRAINT ledger_journal_line_entry_id_fkey;
ALTER TABLE ledger_journal_line DROP CONSTRAINT ledger_journal_line_account_id_fkey;

-- Every inserted line must belong to an entry of its tenant with the same effective date and
-- system time (the copies that let balances read one table), and post to an account of its tenant
-- kept in the line's currency. Stricter than the foreign keys it replaces, which ignored tenants
-- (they bypass row-level security) and the copied columns. Distinct references are probed, one
-- primary-key look-up each (a bulk's 20,000 lines name 10,000 entries and a few accounts). The
-- look-ups filter on the key alone and compare the other columns afterwards: with the date in the
-- WHERE clause, a plan made while the table looked small (a fresh database, or an import whose own
-- rows are uncommitted and unanalysed) probed (tenant_id, effective_date) instead, visited every
-- entry of that day, and an import of 500,000 entries slowed down quadratically.
CREATE FUNCTION ledger_journal_line_check_references() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  missing text;
BEGIN
  SELECT format('entry %s of tenant %s effective on %s recorded at %s', n.entry_id, n.tenant_id, n.effective_date, n.posted_at)
    INTO missing
  FROM (SELECT DISTINCT entry_id, tenant_id, effective_date, posted_at FROM inserted_lines) n
  WHERE (SELECT ROW(e.tenant_id, e.effective_date, e.posted_at) FROM ledger_journal_entry e WHERE e.id = n.entry_id)
        IS DISTINCT FROM ROW(n.tenant_id, n.effective_date, n.posted_at)
  LIMIT 1;
  IF missing IS NULL THEN
    SELECT format('account %s of tenant %s kept in %s', n.account_id, n.tenant_id, n.currency) INTO missing
    FROM (SELECT DISTINCT account_id, tenant_id, currency FROM inserted_lines) n
    WHERE (SELECT ROW(a.tenant_id, a.currency) FROM ledger_account a WHERE a.id = n.account_id)
          IS DISTINCT FROM ROW(n.tenant_id, n.currency)
    LIMIT 1;
  END IF;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'a journal line refers to no %', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER ledger_journal_line_references AFTER INSERT ON ledger_journal_line
  REFERENCING NEW TABLE AS inserted_lines
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_journal_line_check_references();

CREATE FUNCTION ledger_row_is_permanent() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are permanent: % refused', TG_TABLE_NAME, TG_OP;
END
$$;
CREATE TRIGGER ledger_journal_entry_insert_only BEFORE UPDATE OR DELETE ON ledger_journal_entry
  FOR EACH ROW EXECUTE FUNCTION ledger_row_is_permanent();
CREATE TRIGGER ledger_journal_entry_no_truncate BEFORE TRUNCATE ON ledger_journal_entry
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_is_permanent();
CREATE TRIGGER ledger_journal_line_insert_only BEFORE UPDATE OR DELETE ON ledger_journal_line
  FOR EACH ROW EXECUTE FUNCTION ledger_row_is_permanent();
CREATE TRIGGER ledger_journal_line_no_truncate BEFORE TRUNCATE ON ledger_journal_line
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_is_permanent();
-- Accounts keep their identity: lines refer to them by id and tenant.
CREATE TRIGGER ledger_account_permanent BEFORE DELETE OR UPDATE OF id, tenant_id ON ledger_account
  FOR EACH ROW EXECUTE FUNCTION ledger_row_is_permanent();
CREATE TRIGGER ledger_account_no_truncate BEFORE TRUNCATE ON ledger_account
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_row_is_permanent();

-- Outbox payloads are stored as json (checked, kept as text) rather than jsonb. Nothing queries
-- inside them: the relay reads them back as text and every sink parses them itself. A bulk
-- posting's event is ~4 MB; PostgreSQL's log of the posting bench showed its conversion to jsonb
-- (folded into planning, so at Bind) taking 200-470 ms of a ~1 s request, and reading it back as
-- text re-serialised it; as json it is validated once and stored as sent.
ALTER TABLE outbox_event ALTER COLUMN payload TYPE json USING payload::json;

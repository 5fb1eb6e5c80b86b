-- Accounts never change once created: no mutation updates them (a renamed or retyped account would
-- silently change the meaning of every line posted to it, and of every certificate of a closed
-- period). The server therefore caches them by tenant and id (ledger/accounts/AccountService);
-- this trigger makes the promise the cache relies on. V9 refused only a change of identity.
DROP TRIGGER ledger_account_permanent ON ledger_account;
CREATE TRIGGER ledger_account_permanent BEFORE UPDATE OR DELETE ON ledger_account
  FOR EACH ROW EXECUTE FUNCTION ledger_row_is_permanent();

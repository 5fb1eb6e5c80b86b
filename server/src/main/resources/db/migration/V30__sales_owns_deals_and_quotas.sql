-- Deals and quotas belong to the sales module (com.performanceos.rules.sales, ADR 0007), which the
-- commissions build on; the ledger's generic CSV imports only bring them in, through the module's
-- SalesImportSink. The tables take their owner's name. A renamed table keeps its grants, its
-- row-level security and its policies, so nothing else changes.
ALTER TABLE ledger_deal RENAME TO sales_deal;
ALTER INDEX ledger_deal_close RENAME TO sales_deal_close;
ALTER TABLE ledger_quota RENAME TO sales_quota;

COMMENT ON TABLE sales_deal IS 'CRM deals, owned by com.performanceos.rules.sales; written by CSV imports through SalesImportSink.';
COMMENT ON TABLE sales_quota IS 'Quotas per rep and month, owned by com.performanceos.rules.sales; written by CSV imports through SalesImportSink.';

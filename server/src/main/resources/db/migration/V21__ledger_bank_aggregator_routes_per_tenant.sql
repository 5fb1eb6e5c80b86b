-- Aggregator account ids are scoped per tenant (issue 14). An id used to be unique across tenants, so
-- the first tenant to register one claimed it (and received its webhooks), and any other tenant
-- trying it learnt that it was taken. Now each tenant registers its own ids; the aggregator names the
-- tenant in the webhook's path (POST /webhooks/bank-aggregator/{tenant}) and the polling fallback asks
-- for a tenant's account, so a delivery is routed by (tenant, id) and never to another tenant.
ALTER TABLE ledger_bank_aggregator_route DROP CONSTRAINT ledger_bank_aggregator_route_pkey;
ALTER TABLE ledger_bank_aggregator_route ADD PRIMARY KEY (tenant_id, external_id);

-- Parked outbox deliveries: events a sink refused for a reason retrying cannot fix (data the analytics store cannot
-- represent, a payload it cannot read). The relay moves such a delivery here instead of retrying it, so the rest of
-- its batch, and every later event, goes on. The event row stays in outbox_event while any of its parked rows is
-- unreplayed, so an ADMIN can replay it after a fix (replayParkedEvent), which puts a delivery back and marks the
-- row replayed. A replayed row is kept as a record of what happened; if the sink refuses the event again, the same
-- row is parked again.
--
-- Like the other outbox tables, it carries no tenant policy: the relay writes it across tenants. The GraphQL fields
-- that read it (parkedEvents, node(id), replayParkedEvent) filter on tenant_id explicitly.
CREATE TABLE outbox_parked (
  id           uuid        PRIMARY KEY,
  seq          bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
  event_id     uuid        NOT NULL,
  sink         text        NOT NULL,
  tenant_id    text        NOT NULL,
  event_type   text        NOT NULL,
  occurred_at  timestamptz NOT NULL,
  reason       text        NOT NULL,
  attempts     int         NOT NULL,
  parked_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  replayed_at  timestamptz,
  replayed_by  text,
  UNIQUE (event_id, sink)
);
CREATE INDEX outbox_parked_tenant ON outbox_parked (tenant_id, seq);
CREATE INDEX outbox_parked_unreplayed ON outbox_parked (event_id) WHERE replayed_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON outbox_parked TO ${app_role};

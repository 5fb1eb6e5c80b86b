-- The relay's claim read every due delivery of its sink, joined each to its event and sorted them all by the event's
-- creation time to take the oldest 500: with a backlog of 40,000 deliveries (one new notice matching a few hundred
-- saved searches, times a hundred notices) each claim took 220-310 ms, for each sink, so the relay fell further
-- behind the larger the backlog grew. Deliveries now carry their own order, allocated as they are written (in
-- the order their events are, within a transaction and across), and the claim walks an index in that order and
-- stops at its limit.
ALTER TABLE outbox_delivery ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX outbox_delivery_claim ON outbox_delivery (sink, seq);
DROP INDEX outbox_delivery_due;

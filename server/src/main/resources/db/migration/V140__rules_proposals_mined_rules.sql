-- Issue 11: rules mined from history are proposals too (kind MINED_RULE), decided like plans from sentences.
ALTER TABLE rules_proposal DROP CONSTRAINT rules_proposal_kind_check;
ALTER TABLE rules_proposal ADD CONSTRAINT rules_proposal_kind_check CHECK (kind IN ('PLAN_FROM_SENTENCE', 'MINED_RULE'));

-- Rules: the governed registry of versioned rules (issue 9). A rule is a named artifact of a kind;
-- its versions carry the definition, the examples it must pass, who wrote it and why, and an
-- effective interval. A version's content never changes once written (editing a draft writes a
-- new version), so the server may cache a compiled version by id for ever; only its status moves,
-- and a PUBLISHED version may only be retired. The triggers below make both promises hold for the
-- application role and for anyone else, ADMIN's mutations included.

CREATE TABLE rules_rule (
  tenant_id   text        NOT NULL,
  id          uuid        NOT NULL,
  name        text        NOT NULL,
  kind        text        NOT NULL CHECK (kind IN ('EXPRESSION', 'DECISION_TABLE', 'DECISION_GRAPH')),
  description text        NOT NULL,
  created_by  text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (id),
  UNIQUE (tenant_id, name)
);
ALTER TABLE rules_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE rules_rule FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rules_rule
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON rules_rule TO ${app_role};

CREATE TABLE rules_version (
  tenant_id          text        NOT NULL,
  id                 uuid        NOT NULL,
  rule_id            uuid        NOT NULL REFERENCES rules_rule (id),
  number             integer     NOT NULL CHECK (number > 0),
  status             text        NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETIRED')),
  definition         text        NOT NULL,
  definition_sha256  text        NOT NULL,
  examples           text        NOT NULL,
  author             text        NOT NULL,
  origin             text        NOT NULL CHECK (origin IN ('HUMAN', 'AI')),
  ai_model           text,
  ai_justification   text,
  change_note        text        NOT NULL,
  valid_from         date        NOT NULL,
  valid_to           date,
  rollback_of        uuid        REFERENCES rules_version (id),
  created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
  approved_by        text,
  published_by       text,
  published_at       timestamptz,
  PRIMARY KEY (id),
  UNIQUE (rule_id, number),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK (origin = 'HUMAN' OR (ai_model IS NOT NULL AND ai_justification IS NOT NULL))
);
-- Evaluation picks the newest published version whose interval holds the date.
CREATE INDEX rules_version_effective ON rules_version (rule_id, number DESC) WHERE status = 'PUBLISHED';
ALTER TABLE rules_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE rules_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rules_version
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON rules_version TO ${app_role};

-- Content is fixed at insert; status moves only forward along the lifecycle, and a PUBLISHED
-- version only to RETIRED. The columns a transition writes are the only ones allowed to differ.
CREATE FUNCTION rules_version_transition_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'rules_version rows are permanent: % refused', TG_OP;
  END IF;
  IF (to_jsonb(NEW) - 'status' - 'approved_by' - 'published_by' - 'published_at')
     IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'approved_by' - 'published_by' - 'published_at') THEN
    RAISE EXCEPTION 'rules_version content is immutable: write a new version';
  END IF;
  IF OLD.status IN ('PUBLISHED', 'RETIRED') AND NOT (OLD.status = 'PUBLISHED' AND NEW.status = 'RETIRED'
      AND NEW.approved_by IS NOT DISTINCT FROM OLD.approved_by AND NEW.published_by IS NOT DISTINCT FROM OLD.published_by
      AND NEW.published_at IS NOT DISTINCT FROM OLD.published_at) THEN
    RAISE EXCEPTION 'rules_version % is % and immutable', OLD.id, OLD.status;
  END IF;
  IF NOT ((OLD.status = NEW.status) OR (OLD.status, NEW.status) IN (('DRAFT', 'IN_REVIEW'), ('IN_REVIEW', 'DRAFT'),
      ('IN_REVIEW', 'APPROVED'), ('APPROVED', 'PUBLISHED'), ('PUBLISHED', 'RETIRED'))) THEN
    RAISE EXCEPTION 'rules_version % cannot go from % to %', OLD.id, OLD.status, NEW.status;
  END IF;
  RETURN NEW;
END
$$;
CREATE FUNCTION rules_row_is_permanent() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are permanent: % refused', TG_TABLE_NAME, TG_OP;
END
$$;
CREATE TRIGGER rules_version_governed BEFORE UPDATE OR DELETE ON rules_version
  FOR EACH ROW EXECUTE FUNCTION rules_version_transition_only();
CREATE TRIGGER rules_version_no_truncate BEFORE TRUNCATE ON rules_version
  FOR EACH STATEMENT EXECUTE FUNCTION rules_row_is_permanent();
CREATE TRIGGER rules_rule_permanent BEFORE UPDATE OR DELETE ON rules_rule
  FOR EACH ROW EXECUTE FUNCTION rules_row_is_permanent();

-- Every lifecycle step with who took it and why: what ruleHistory reads. The audit log holds the
-- same facts hash-chained; this table answers "who changed rule X in 2026" with an index.
CREATE TABLE rules_transition (
  tenant_id     text        NOT NULL,
  sequence      bigint      GENERATED ALWAYS AS IDENTITY,
  rule_id       uuid        NOT NULL REFERENCES rules_rule (id),
  version_id    uuid        NOT NULL REFERENCES rules_version (id),
  from_status   text,
  to_status     text        NOT NULL,
  actor         text        NOT NULL,
  justification text        NOT NULL,
  occurred_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (sequence)
);
CREATE INDEX rules_transition_by_rule ON rules_transition (rule_id, occurred_at);
ALTER TABLE rules_transition ENABLE ROW LEVEL SECURITY;
ALTER TABLE rules_transition FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rules_transition
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON rules_transition TO ${app_role};
CREATE TRIGGER rules_transition_permanent BEFORE UPDATE OR DELETE ON rules_transition
  FOR EACH ROW EXECUTE FUNCTION rules_row_is_permanent();

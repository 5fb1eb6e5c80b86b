-- Rules registry, remainder of issue 9: a tenant's incompatible duties, and the record of every
-- evaluateRule call.

-- Which duties on one version a single person may not combine (AUTHOR:APPROVER is always in force;
-- a tenant may add APPROVER:PUBLISHER and AUTHOR:PUBLISHER). One row per tenant that set its own;
-- the deployment's default applies to the others. Changes go through setRuleDutySeparation, whose
-- audit record keeps the history.
CREATE TABLE rules_duty_separation (
  tenant_id  text        NOT NULL,
  pairs      text        NOT NULL CHECK (pairs ~ '^[A-Z]+:[A-Z]+(,[A-Z]+:[A-Z]+)*$'),
  updated_by text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id)
);
ALTER TABLE rules_duty_separation ENABLE ROW LEVEL SECURITY;
ALTER TABLE rules_duty_separation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rules_duty_separation
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON rules_duty_separation TO ${app_role};

-- Every evaluateRule call: the version run, digests of inputs and results (the results themselves
-- when short), how long the engine took, who asked and when. Append-only for the application role
-- (no UPDATE or DELETE granted, and the trigger refuses them for anyone): retention is an
-- operator's decision, by rules_evaluation_purge below, never the application's.
CREATE TABLE rules_evaluation (
  tenant_id       text        NOT NULL,
  sequence        bigint      GENERATED ALWAYS AS IDENTITY,
  rule_id         uuid        NOT NULL REFERENCES rules_rule (id),
  version_id      uuid        NOT NULL REFERENCES rules_version (id),
  version_number  integer     NOT NULL,
  input_count     integer     NOT NULL CHECK (input_count > 0),
  input_sha256    text        NOT NULL,
  output_sha256   text        NOT NULL,
  output_json     text,
  error_count     integer     NOT NULL CHECK (error_count >= 0),
  duration_micros bigint      NOT NULL CHECK (duration_micros >= 0),
  caller          text        NOT NULL,
  as_of           date        NOT NULL,
  evaluated_at    timestamptz NOT NULL,
  PRIMARY KEY (sequence)
);
CREATE INDEX rules_evaluation_by_rule ON rules_evaluation (rule_id, sequence);
CREATE INDEX rules_evaluation_by_time ON rules_evaluation (evaluated_at);
ALTER TABLE rules_evaluation ENABLE ROW LEVEL SECURITY;
ALTER TABLE rules_evaluation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rules_evaluation
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON rules_evaluation TO ${app_role};
CREATE FUNCTION rules_evaluation_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('rules.evaluation_purge', true) = 'on' AND TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'rules_evaluation rows are append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER rules_evaluation_append_only BEFORE UPDATE OR DELETE ON rules_evaluation
  FOR EACH ROW EXECUTE FUNCTION rules_evaluation_append_only();

-- Retention: the operator (the migration owner, not the application role) removes records older
-- than a cutoff, which may not be less than 13 months ago (a commission year and its disputes).
CREATE FUNCTION rules_evaluation_purge(cutoff timestamptz) RETURNS bigint
  LANGUAGE plpgsql AS $$
DECLARE
  removed bigint;
BEGIN
  IF cutoff > now() - interval '13 months' THEN
    RAISE EXCEPTION 'rules_evaluation keeps at least 13 months: cutoff % is too recent', cutoff;
  END IF;
  PERFORM set_config('rules.evaluation_purge', 'on', true);
  DELETE FROM rules_evaluation WHERE evaluated_at < cutoff;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('rules.evaluation_purge', 'off', true);
  RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION rules_evaluation_purge(timestamptz) FROM PUBLIC;

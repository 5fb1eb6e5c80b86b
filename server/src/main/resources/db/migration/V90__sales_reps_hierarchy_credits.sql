-- Sales data the commissions need (issue 10), owned by com.performanceos.rules.sales like deals and quotas:
-- reps with their role and the token subject they sign in with, an effective-dated hierarchy, credit
-- splits per deal and deal cancellations. Everything here is append-only with the time it was recorded,
-- so a calculation run can read the sales data as known at an instant (bitemporal: a late, back-dated
-- fact never changes what a run over a closed period saw).

-- When each deal became known: existing deals count as known from this migration on.
ALTER TABLE sales_deal ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT clock_timestamp();

-- A rep is named by code in deals and quotas (the CRM's owner name); subject links a person's token to it.
CREATE TABLE sales_rep (
  tenant_id    text        NOT NULL,
  id           uuid        PRIMARY KEY,
  code         text        NOT NULL,
  name         text        NOT NULL,
  role         text        NOT NULL CHECK (role IN ('AE', 'SDR', 'CSM', 'SE', 'MANAGER', 'OTHER')),
  subject      text,
  recorded_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, code),
  UNIQUE (tenant_id, subject)
);
ALTER TABLE sales_rep ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_rep FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sales_rep
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON sales_rep TO ${app_role};

-- Who manages whom, from and to a day (both included; open-ended when valid_to is null).
CREATE TABLE sales_rep_manager (
  tenant_id     text        NOT NULL,
  id            uuid        PRIMARY KEY,
  rep_code      text        NOT NULL,
  manager_code  text        NOT NULL,
  valid_from    date        NOT NULL,
  valid_to      date,
  recorded_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (rep_code <> manager_code),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX sales_rep_manager_rep ON sales_rep_manager (tenant_id, rep_code, valid_from);
ALTER TABLE sales_rep_manager ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_rep_manager FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sales_rep_manager
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON sales_rep_manager TO ${app_role};

-- A deal's credit splits, written as a whole set (split_set) that supersedes the previous one; the set in
-- force at an instant is the newest recorded at or before it. A deal without a set credits its owner 100 %.
-- Shares sum to 100 per set: checked by the API before the insert (SplitShares) and again here, per statement.
CREATE TABLE sales_deal_credit (
  tenant_id      text          NOT NULL,
  id             uuid          PRIMARY KEY,
  deal_id        uuid          NOT NULL REFERENCES sales_deal (id),
  split_set      uuid          NOT NULL,
  rep_code       text          NOT NULL,
  share_percent  numeric(9,6)  NOT NULL CHECK (share_percent > 0 AND share_percent <= 100),
  recorded_by    text          NOT NULL,
  recorded_at    timestamptz   NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (split_set, rep_code)
);
CREATE INDEX sales_deal_credit_deal ON sales_deal_credit (tenant_id, deal_id, recorded_at);
ALTER TABLE sales_deal_credit ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_deal_credit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sales_deal_credit
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON sales_deal_credit TO ${app_role};

CREATE FUNCTION sales_deal_credit_check_sum() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  wrong uuid;
BEGIN
  SELECT split_set INTO wrong FROM inserted_credits GROUP BY split_set HAVING sum(share_percent) <> 100 LIMIT 1;
  IF wrong IS NOT NULL THEN
    RAISE EXCEPTION 'credit split set % does not sum to 100 %%', wrong USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER sales_deal_credit_sum AFTER INSERT ON sales_deal_credit
  REFERENCING NEW TABLE AS inserted_credits FOR EACH STATEMENT EXECUTE FUNCTION sales_deal_credit_check_sum();

-- A deal cancelled on a day (a clawback trigger for the commissions), recorded when it became known.
CREATE TABLE sales_deal_cancellation (
  tenant_id          text        NOT NULL,
  id                 uuid        PRIMARY KEY,
  deal_id            uuid        NOT NULL REFERENCES sales_deal (id),
  cancellation_date  date        NOT NULL,
  recorded_by        text        NOT NULL,
  recorded_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (deal_id)
);
ALTER TABLE sales_deal_cancellation ENABLE ROW LEVEL SECURITY;
ALTER TABLE sales_deal_cancellation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sales_deal_cancellation
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON sales_deal_cancellation TO ${app_role};

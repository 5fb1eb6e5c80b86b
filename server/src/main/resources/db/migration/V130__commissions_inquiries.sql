-- Commission inquiries (issue 10, point 10), owned by com.performanceos.rules.commissions.disputes: a rep disputes
-- one of their statement lines; SALES_OPS answers in a thread and resolves (with or without an adjustment that
-- appears on the rep's next statement) or rejects. The rep and period are copied from the line so that who may
-- read an inquiry is decided exactly as for the line itself.
CREATE TABLE commission_inquiry (
  tenant_id   text        NOT NULL,
  id          uuid        PRIMARY KEY,
  line_id     uuid        NOT NULL REFERENCES commission_line (id),
  run_id      uuid        NOT NULL,
  period      char(7)     NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  rep_code    text        NOT NULL,
  deal_ref    text        NOT NULL,
  currency    char(3)     NOT NULL,
  status      text        NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'RESOLVED', 'REJECTED')),
  opened_by   text        NOT NULL,
  opened_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  closed_at   timestamptz,
  CHECK ((status IN ('RESOLVED', 'REJECTED')) = (closed_at IS NOT NULL))
);
CREATE INDEX commission_inquiry_period ON commission_inquiry (tenant_id, period, rep_code, opened_at);
CREATE INDEX commission_inquiry_open ON commission_inquiry (tenant_id, status, opened_at);
ALTER TABLE commission_inquiry ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_inquiry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_inquiry
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE ON commission_inquiry TO ${app_role};

-- The thread: the rep's opening message, SALES_OPS answers, the rep's replies, the closing message. Insert-only.
CREATE TABLE commission_inquiry_message (
  tenant_id    text        NOT NULL,
  id           uuid        PRIMARY KEY,
  inquiry_id   uuid        NOT NULL REFERENCES commission_inquiry (id),
  seq          int         NOT NULL,
  author       text        NOT NULL,
  from_staff   boolean     NOT NULL,
  body         text        NOT NULL,
  posted_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (inquiry_id, seq)
);
ALTER TABLE commission_inquiry_message ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_inquiry_message FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_inquiry_message
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON commission_inquiry_message TO ${app_role};

-- An adjustment granted when an inquiry is resolved: on the rep's statement of the month after the disputed line's.
CREATE TABLE commission_adjustment (
  tenant_id      text          NOT NULL,
  id             uuid          PRIMARY KEY,
  inquiry_id     uuid          NOT NULL UNIQUE REFERENCES commission_inquiry (id),
  rep_code       text          NOT NULL,
  period         char(7)       NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount         numeric(38,6) NOT NULL CHECK (amount <> 0),
  currency       char(3)       NOT NULL,
  justification  text          NOT NULL,
  created_by     text          NOT NULL,
  created_at     timestamptz   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX commission_adjustment_statement ON commission_adjustment (tenant_id, period, rep_code);
ALTER TABLE commission_adjustment ENABLE ROW LEVEL SECURITY;
ALTER TABLE commission_adjustment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON commission_adjustment
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON commission_adjustment TO ${app_role};

-- Tenders: market watch. Vendors save searches; notices come from tenders published here and from the BOAMP and
-- TED connectors; each new notice is matched against every saved search and matches are pushed to their tenant.

-- A tenant's saved search. Its criteria are also held in memory by every instance (the match index), loaded
-- through tenders_watch_tenant.
CREATE TABLE tenders_watch_search (
  tenant_id     text          NOT NULL,
  id            uuid          NOT NULL PRIMARY KEY,
  name          text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  cpv_prefixes  text[]        NOT NULL,
  keywords      text[]        NOT NULL,
  departments   text[]        NOT NULL,
  value_min     numeric(16,2),
  value_max     numeric(16,2),
  created_by    text          NOT NULL,
  created_at    timestamptz   NOT NULL DEFAULT clock_timestamp(),
  CHECK (value_min IS NULL OR value_max IS NULL OR value_min <= value_max),
  CHECK (cardinality(cpv_prefixes) + cardinality(keywords) + cardinality(departments) > 0)
);
CREATE INDEX tenders_watch_search_tenant ON tenders_watch_search (tenant_id);
ALTER TABLE tenders_watch_search ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_watch_search FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_watch_search USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, DELETE ON tenders_watch_search TO ${app_role};

-- The tenants that saved a search: the matcher loads each one's searches in that tenant's own session, so the
-- searches themselves never need a cross-tenant read. It holds no criteria, only tenant names.
CREATE TABLE tenders_watch_tenant (
  tenant_id  text PRIMARY KEY
);
ALTER TABLE tenders_watch_tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_watch_tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_lookup ON tenders_watch_tenant FOR SELECT USING (true);
CREATE POLICY tenant_isolation ON tenders_watch_tenant FOR INSERT WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenders_watch_tenant TO ${app_role};

-- A market notice: public information (a published call for tenders), shared by every tenant. The same call seen
-- in several sources is one row (dedupe_key: buyer, title and deadline day, normalised); sources lists them all.
CREATE TABLE tenders_notice (
  id            uuid          NOT NULL PRIMARY KEY,
  dedupe_key    char(64)      NOT NULL UNIQUE,
  source        text          NOT NULL CHECK (source IN ('LOCAL', 'BOAMP', 'TED')),
  source_id     text          NOT NULL,
  sources       text[]        NOT NULL,
  title         text          NOT NULL,
  buyer_name    text          NOT NULL,
  cpv_codes     text[]        NOT NULL,
  departments   text[]        NOT NULL,
  value         numeric(16,2),
  deadline      timestamptz,
  url           text,
  published_on  date          NOT NULL,
  ingested_at   timestamptz   NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (source, source_id)
);
GRANT SELECT, INSERT, UPDATE ON tenders_notice TO ${app_role};

-- Where each connector stopped: the next poll asks for what was published from there on.
CREATE TABLE tenders_watch_watermark (
  source      text        PRIMARY KEY CHECK (source IN ('BOAMP', 'TED')),
  watermark   text        NOT NULL,
  polled_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
GRANT SELECT, INSERT, UPDATE ON tenders_watch_watermark TO ${app_role};

-- A notice matched by a saved search, with its relevance explained.
CREATE TABLE tenders_watch_match (
  tenant_id    text          NOT NULL,
  search_id    uuid          NOT NULL REFERENCES tenders_watch_search (id) ON DELETE CASCADE,
  notice_id    uuid          NOT NULL REFERENCES tenders_notice (id),
  score        int           NOT NULL CHECK (score BETWEEN 0 AND 100),
  explanation  text          NOT NULL,
  matched_at   timestamptz   NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (search_id, notice_id)
);
ALTER TABLE tenders_watch_match ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_watch_match FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_watch_match USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT ON tenders_watch_match TO ${app_role};

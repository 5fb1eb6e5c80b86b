-- Market watch digests (issue 13): a saved search may name an address that receives, once per digest interval, the
-- notices it matched since its last digest. sent_through is how far the matches have been sent (a match is in the
-- next digest when matched after it); it moves only once the SMTP server took the message.
CREATE TABLE tenders_watch_digest (
  tenant_id     text         NOT NULL,
  search_id     uuid         NOT NULL PRIMARY KEY REFERENCES tenders_watch_search (id) ON DELETE CASCADE,
  email         text         NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  sent_through  timestamptz  NOT NULL DEFAULT clock_timestamp(),
  last_sent_at  timestamptz,
  last_error    text         CHECK (length(last_error) <= 1000)
);
CREATE INDEX tenders_watch_digest_tenant ON tenders_watch_digest (tenant_id);
ALTER TABLE tenders_watch_digest ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenders_watch_digest FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenders_watch_digest
  USING (tenant_id = current_tenant()) WITH CHECK (tenant_id = current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON tenders_watch_digest TO ${app_role};

-- The digest reads a search's matches after a time.
CREATE INDEX tenders_watch_match_search_time ON tenders_watch_match (search_id, matched_at);

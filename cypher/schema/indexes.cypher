// Schema, part 2: the indexes the queries use. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
// Full-text search over Chinese names: the cjk analyzer indexes character bigrams (search.cypher).
CREATE FULLTEXT INDEX enterprise_names IF NOT EXISTS
FOR (e:Enterprise) ON EACH [e.name, e.shortName]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
// Substring search for one-character queries, which bigrams cannot match (search-short.cypher).
CREATE TEXT INDEX enterprise_name_text IF NOT EXISTS FOR (e:Enterprise) ON (e.name);
CREATE TEXT INDEX enterprise_short_name_text IF NOT EXISTS FOR (e:Enterprise) ON (e.shortName);
// Roles are read by the explorer's filters; segments are listed by chain.
CREATE INDEX enterprise_role IF NOT EXISTS FOR (e:Enterprise) ON (e.role);
CREATE INDEX segment_chain IF NOT EXISTS FOR (s:Segment) ON (s.chainId);
CREATE INDEX controls_share IF NOT EXISTS FOR ()-[r:CONTROLS]-() ON (r.share);
CREATE INDEX supplies_product IF NOT EXISTS FOR ()-[r:SUPPLIES]-() ON (r.product);
// A chain's snapshots are read by chain and time (snapshot-figures.cypher, snapshot-at.cypher),
// and a snapshot kept as changes names its base by key (import/snapshots.cypher).
CREATE INDEX chain_snapshot_time IF NOT EXISTS FOR (s:ChainSnapshot) ON (s.chainId, s.takenAt);
CREATE INDEX chain_snapshot_key IF NOT EXISTS FOR (s:ChainSnapshot) ON (s.key);
// Investment leads: their events by lead, and by time (what moved since a date).
CREATE INDEX lead_event_lead IF NOT EXISTS FOR (e:LeadEvent) ON (e.leadId);
CREATE INDEX lead_event_at IF NOT EXISTS FOR (e:LeadEvent) ON (e.at);

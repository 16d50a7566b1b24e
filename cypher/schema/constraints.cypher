// Schema, part 1: one uniqueness constraint per node key. Idempotent (IF NOT EXISTS).
// Parameters: none. Returns: nothing.
CREATE CONSTRAINT enterprise_id IF NOT EXISTS FOR (e:Enterprise) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT chain_id IF NOT EXISTS FOR (c:Chain) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (s:Segment) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT leader_id IF NOT EXISTS FOR (l:Leader) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT product_name IF NOT EXISTS FOR (p:Product) REQUIRE p.name IS UNIQUE;
CREATE CONSTRAINT district_key IF NOT EXISTS FOR (d:District) REQUIRE d.key IS UNIQUE;
CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.key IS UNIQUE;
CREATE CONSTRAINT investment_lead_id IF NOT EXISTS FOR (l:InvestmentLead) REQUIRE l.id IS UNIQUE;

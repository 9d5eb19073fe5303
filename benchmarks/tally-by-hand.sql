-- The counts `campaign tally --all --by township,group,enterprise` computes, written by hand the way an
-- analyst would in the sqlite3 shell: the floor `campaign-bench tally` measures the tally against.
-- Run: sqlite3 /tmp/campaign-bench-tally/campaign.sqlite '.read benchmarks/tally-by-hand.sql'
--
-- One row per registration with what the counts need: the person's township and groups, whether
-- they came (an accepted check-in: the desk scans walk-ins when it registers them) and their furthest
-- stage (a placement implies the earlier ones). Every count below is a sum over it. Who came is read once,
-- into a table of its own like the furthest stages: an accepted scan is indexed by campaign, checkpoint and
-- person (scan_once), not by campaign and person.
CREATE TEMP TABLE furthest AS SELECT campaign, person_id, max(stage) AS stage FROM outcome GROUP BY campaign, person_id;
CREATE INDEX temp.furthest_key ON furthest(campaign, person_id);
CREATE TEMP TABLE came AS SELECT DISTINCT campaign, person_id FROM scan WHERE result = 'accepted';
CREATE INDEX temp.came_key ON came(campaign, person_id);
CREATE TEMP TABLE reg AS
SELECT p.township, p.groups, c.person_id IS NOT NULL AS attended, coalesce(f.stage, 0) AS stage
FROM registration r JOIN person p ON p.id = r.person_id
LEFT JOIN came c ON c.campaign = r.campaign AND c.person_id = r.person_id
LEFT JOIN furthest f ON f.campaign = r.campaign AND f.person_id = r.person_id;
-- The funnel: registered, attended, interviewed, intents, placed, retained; then what was offered.
SELECT count(*), sum(attended), sum(stage >= 1), sum(stage >= 2), sum(stage >= 3), sum(stage >= 4) FROM reg;
SELECT count(*), sum(c.openings) FROM campaign_posting c;
SELECT count(*) FROM campaign_enterprise;
-- By township.
SELECT township, count(*), sum(attended), sum(stage >= 1), sum(stage >= 2), sum(stage >= 3), sum(stage >= 4)
FROM reg GROUP BY township;
-- By target group (each bit of person.groups).
WITH g(bit) AS (VALUES (1), (2), (4), (8), (16), (32), (64), (128))
SELECT g.bit, count(*), sum(attended), sum(stage >= 1), sum(stage >= 2), sum(stage >= 3), sum(stage >= 4)
FROM reg JOIN g ON reg.groups & g.bit GROUP BY g.bit;
-- By enterprise: positions offered, distinct people per stage with any of its postings.
SELECT e.name, o.positions, sum(x.stage >= 1), sum(x.stage >= 2), sum(x.stage >= 3), sum(x.stage >= 4)
FROM (SELECT p.credit_code, sum(c.openings) AS positions FROM campaign_posting c JOIN posting p ON p.id = c.posting_id
      GROUP BY p.credit_code) o
JOIN enterprise e ON e.credit_code = o.credit_code
LEFT JOIN (SELECT o.campaign, p.credit_code, o.person_id, max(o.stage) AS stage
           FROM outcome o JOIN posting p ON p.id = o.posting_id
           GROUP BY o.campaign, p.credit_code, o.person_id) x ON x.credit_code = e.credit_code
GROUP BY e.credit_code;

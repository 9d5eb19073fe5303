/// The province's tables in PostgreSQL, created and migrated by `campaign publish` and `campaign
/// province` alike (whichever reaches a new database first), each step once, under an advisory lock
/// so two counties publishing at the same moment do not both create them. A county's facts are
/// counts only: no name, ID number or phone ever reaches the province.
enum ProvinceSchema {
    /// A number no other program on the server is expected to lock on: "campaign" on a phone keypad.
    static let migrationLock = 22_672_446

    static let migrations: [(name: String, sql: [String])] = [
        ("province-v1", [
            """
            CREATE TABLE county (
                code text PRIMARY KEY,                    -- the 6-digit administrative division code
                name text NOT NULL,
                first_published_at timestamptz NOT NULL,
                last_published_at timestamptz NOT NULL,
                publishes bigint NOT NULL                 -- deliveries that moved something
            )
            """,
            """
            CREATE TABLE county_campaign (
                county text NOT NULL REFERENCES county(code),
                campaign text NOT NULL,
                version bigint NOT NULL,                  -- the county's version of these facts: the highest wins
                title text NOT NULL,
                kind text NOT NULL,
                held_on text NOT NULL,                    -- yyyy-MM-dd, what periods select on
                started_at timestamptz NOT NULL,
                time_zone text NOT NULL,
                venue text,
                shredded boolean NOT NULL,
                people_measures text[] NOT NULL,          -- the people measures that apply, in funnel order
                as_of timestamptz NOT NULL,               -- when the county counted them
                published_at timestamptz NOT NULL,        -- when the province received them
                people_published boolean NOT NULL,        -- whether its people's pseudonyms came too
                PRIMARY KEY (county, campaign)
            )
            """,
            """
            CREATE TABLE campaign_value (
                county text NOT NULL,
                campaign text NOT NULL,
                measure text NOT NULL,
                value bigint NOT NULL,
                PRIMARY KEY (county, campaign, measure),
                FOREIGN KEY (county, campaign) REFERENCES county_campaign ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE people_cell (
                county text NOT NULL,
                campaign text NOT NULL,
                township text NOT NULL,
                village text NOT NULL,
                groups text[] NOT NULL,                   -- the target groups' keys; a person stands in one cell
                measure text NOT NULL,
                value bigint NOT NULL,
                FOREIGN KEY (county, campaign) REFERENCES county_campaign ON DELETE CASCADE
            )
            """,
            "CREATE INDEX people_cell_campaign ON people_cell (county, campaign)",
            """
            CREATE TABLE person_reach (
                county text NOT NULL,
                campaign text NOT NULL,
                pseudonym bytea NOT NULL,                 -- HMAC-SHA256 of the ID number under the province's key
                reached integer NOT NULL,                 -- bit i: reached people_measures[i + 1] of its campaign
                FOREIGN KEY (county, campaign) REFERENCES county_campaign ON DELETE CASCADE
            )
            """,
            "CREATE INDEX person_reach_campaign ON person_reach (county, campaign)",
        ]),
    ]
}

import GRDB
import Workflow

/// The transport plugin's tables: a campaign's vehicles, its passengers (people of the ledger with
/// their pickup point, destination and day), the seat each passenger was given, and every seat change.
enum TransportSchema {
    static let migrations = [
        Migration("transport-v1") { db in
            try db.execute(sql: """
                CREATE TABLE transport_vehicle (
                    campaign TEXT NOT NULL,
                    plate TEXT NOT NULL,                   -- 贵A·12345
                    seats INTEGER NOT NULL,                -- every seat, the driver's included
                    crew INTEGER NOT NULL,                 -- driver, escort: seats not for passengers
                    driver TEXT NOT NULL,
                    driver_phone TEXT NOT NULL,
                    escort TEXT NOT NULL,
                    escort_phone TEXT NOT NULL,
                    retired BOOLEAN NOT NULL DEFAULT 0,    -- taken off the list: no new trips
                    updated_at DATETIME NOT NULL,
                    PRIMARY KEY (campaign, plate)
                ) WITHOUT ROWID;
                CREATE TABLE transport_passenger (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    pickup TEXT NOT NULL,                  -- 上车点
                    destination TEXT NOT NULL,             -- the enterprise they travel to
                    city TEXT NOT NULL,
                    province TEXT NOT NULL,
                    wished_on TEXT NOT NULL,               -- yyyy-MM-dd: the day the list says
                    departs_on TEXT NOT NULL,              -- the day they travel: the wish, or transport.departures' day
                    withdrawn BOOLEAN NOT NULL DEFAULT 0,
                    source TEXT NOT NULL,
                    updated_at DATETIME NOT NULL,
                    PRIMARY KEY (campaign, person_id)
                ) WITHOUT ROWID;
                CREATE TABLE transport_seat (
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    departs_on TEXT NOT NULL,
                    destination TEXT NOT NULL,
                    plate TEXT NOT NULL,
                    seat INTEGER NOT NULL,
                    assigned_at DATETIME NOT NULL,
                    PRIMARY KEY (campaign, person_id)
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX transport_seat_once ON transport_seat(campaign, departs_on, plate, seat);
                CREATE TABLE transport_seat_change (
                    id INTEGER PRIMARY KEY,
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    changed_at DATETIME NOT NULL,
                    old_seat TEXT,                         -- 2026-02-20 贵A·12345 #7
                    new_seat TEXT,
                    reason TEXT NOT NULL                   -- new, trip-changed, vehicle-changed, withdrawn
                );
                CREATE INDEX transport_seat_change_person ON transport_seat_change(campaign, person_id, id);
                CREATE TABLE transport_employment (     -- follow-up records (稳岗回访), for the subsidy
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    started_on TEXT NOT NULL,              -- yyyy-MM-dd
                    left_on TEXT,                          -- NULL: still employed when asked
                    checked_on TEXT NOT NULL,              -- when they were asked
                    updated_at DATETIME NOT NULL,
                    PRIMARY KEY (campaign, person_id)
                ) WITHOUT ROWID;
                CREATE TABLE transport_subsidy (        -- who the last transport.subsidy step found qualified
                    campaign TEXT NOT NULL,
                    person_id INTEGER NOT NULL REFERENCES person(id),
                    yuan INTEGER NOT NULL,
                    decided_at DATETIME NOT NULL,
                    PRIMARY KEY (campaign, person_id)
                ) WITHOUT ROWID;
                """)
        },
        // How long a trip keeps a coach away, by destination, city or province (`trip_days:` of the
        // roster step), kept so `campaign roster` plans a change the way the step did.
        Migration("transport-v2-trip-days") { db in
            try db.execute(sql: """
                CREATE TABLE transport_trip_days (
                    campaign TEXT NOT NULL,
                    place TEXT NOT NULL,                   -- a destination, a city, a province, or 'default'
                    days INTEGER NOT NULL,
                    PRIMARY KEY (campaign, place)
                ) WITHOUT ROWID;
                """)
        },
        // Where the subsidy is paid: the bank and the account or social security card number the
        // follow-up sheet gives (开户银行, 账号/社保卡号), for the payment list.
        Migration("transport-v3-payment-account") { db in
            try db.execute(sql: """
                ALTER TABLE transport_employment ADD COLUMN bank TEXT NOT NULL DEFAULT '';
                ALTER TABLE transport_employment ADD COLUMN account TEXT NOT NULL DEFAULT '';
                """)
        },
        // The pickup points in the order the road out of the county passes them (`pickup_order:` of
        // the roster step): buses collect along it, and the manifest prints the route.
        Migration("transport-v4-pickup-order") { db in
            try db.execute(sql: """
                CREATE TABLE transport_pickup_order (
                    campaign TEXT NOT NULL,
                    pickup TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (campaign, pickup)
                ) WITHOUT ROWID;
                """)
        },
        // The days a coach cannot leave (不可用日期: maintenance, another job), from the vehicle list:
        // `2026-02-20..2026-02-22,2026-02-25..2026-02-25`.
        Migration("transport-v5-vehicle-unavailable") { db in
            try db.execute(sql: "ALTER TABLE transport_vehicle ADD COLUMN unavailable TEXT NOT NULL DEFAULT ''")
        },
        // How long the passenger's trip keeps a coach away (往返天数 in the passenger list), when the list
        // says so: it comes before `trip_days:` of the roster step.
        Migration("transport-v6-passenger-trip-days") { db in
            try db.execute(sql: "ALTER TABLE transport_passenger ADD COLUMN trip_days INTEGER")
        },
    ]
}

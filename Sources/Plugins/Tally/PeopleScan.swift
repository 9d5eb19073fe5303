import Foundation
import GRDB
import Ledger
import Outcomes
import Workflow

/// The people side of a large tally without a million random lookups. One sequential pass over
/// the ledger loads each person's place (township and village, interned) and target groups into
/// arrays indexed by person id — on a second connection when a pool is given, so both cores
/// work. Meanwhile, per campaign, three streams already sorted by person id — registrations,
/// accepted check-ins and furthest outcome stages — are merged in one pass on the caller's
/// connection. Each registration then adds to its (campaign, place, groups) cell.
///
/// The counts all come from the caller's transaction. Places come from the second connection's
/// read a moment earlier; anyone it did not see (registered in between) is looked up on the
/// caller's connection, so no one is left out.
///
/// `TallyQuery.peopleGroups` chooses this when the campaigns cover a good part of the ledger; for a
/// small campaign in a large ledger, SQL's indexed join touches fewer pages.
enum PeopleScan {
    static func groups(_ campaigns: [String], parallel pool: DatabasePool?, db: Database) throws -> [TallyQuery.PeopleGroup] {
        let pending = pool.map { pool in Pending { try pool.read { db in try PersonPlaces.load(db) } } }
        let streams = try campaigns.map { try registrations(of: $0, db: db) }
        var people = try pending?.value() ?? PersonPlaces.load(db)

        var cells: [UInt64: PeopleCounts] = [:]
        for (index, registrations) in streams.enumerated() {
            for registration in registrations {
                var place = people.place(of: Int(registration.person))
                if place < 0 { place = try people.lookUp(Int(registration.person), db: db) }
                let key = UInt64(index) << 40 | UInt64(UInt32(place)) << 8 | UInt64(people.groups[Int(registration.person)])
                cells[key, default: PeopleCounts()].add(attended: registration.attended, stage: registration.stage)
            }
        }
        return cells.map { key, counts in
            let place = people.places[Int(key >> 8 & 0xFFFF_FFFF)]
            return TallyQuery.PeopleGroup(campaign: campaigns[Int(key >> 40)], township: place.township, village: place.village,
                                     groups: Int(key & 0xFF), counts: counts)
        }
    }

    /// One registration: who, whether they came, how far they got (0 = no outcome).
    struct Registration {
        var person: Int32
        var attended: Bool
        var stage: Int64
    }

    /// A campaign's registrations, merged with its check-ins and outcomes (all sorted by person id).
    static func registrations(of campaign: String, db: Database) throws -> [Registration] {
        let registrations = try RawStatement(db, sql: """
            SELECT person_id, channel = 'walk-in' FROM registration WHERE campaign = ? ORDER BY person_id
            """)
        // Several checkpoints may list the same person: the merge below skips the repeats.
        let attended = try RawStatement(db, sql: """
            SELECT person_id FROM scan INDEXED BY scan_attended WHERE campaign = ? AND result = 'accepted' ORDER BY person_id
            """)
        let furthest = try RawStatement(db, sql: """
            SELECT person_id, max(stage) FROM outcome WHERE campaign = ? GROUP BY person_id ORDER BY person_id
            """)
        registrations.bind(1, campaign)
        attended.bind(1, campaign)
        furthest.bind(1, campaign)
        var merged: [Registration] = []
        var nextAttended = try attended.step() ? attended.int(0) : Int64.max
        var nextOutcome = try furthest.step() ? furthest.int(0) : Int64.max
        while try registrations.step() {
            let person = registrations.int(0)
            while nextAttended < person { nextAttended = try attended.step() ? attended.int(0) : Int64.max }
            while nextOutcome < person { nextOutcome = try furthest.step() ? furthest.int(0) : Int64.max }
            merged.append(Registration(person: Int32(truncatingIfNeeded: person),
                                       attended: registrations.int(1) != 0 || nextAttended == person,
                                       stage: nextOutcome == person ? furthest.int(1) : 0))
        }
        if nextAttended != Int64.max { attended.reset() }
        if nextOutcome != Int64.max { furthest.reset() }
        return merged
    }
}

extension PeopleCounts {
    /// One registered person, attended or not, at their furthest stage.
    mutating func add(attended: Bool, stage: Int64) {
        registered += 1
        if attended { self.attended += 1 }
        if stage >= 1 { interviewed += 1 }
        if stage >= 2 { intents += 1 }
        if stage >= 3 { placed += 1 }
        if stage >= 4 { retained += 1 }
    }
}

/// Each person's place and target groups, by person id.
struct PersonPlaces: Sendable {
    /// Index into `places` by person id; -1 where no person was read.
    private var placeByPerson: [Int32]
    private(set) var groups: [UInt8]
    private(set) var places: [(township: String, village: String)] = []
    /// Places interned by a hash of their bytes, checked byte for byte: a ledger has a few hundred
    /// villages and a million people, and a String per row would cost more than the pass.
    private var byHash: [UInt64: [Int32]] = [:]
    private var stored: [(township: [UInt8], village: [UInt8])] = []

    func place(of person: Int) -> Int32 { person < placeByPerson.count ? placeByPerson[person] : -1 }

    static func load(_ db: Database) throws -> PersonPlaces {
        let maxID = try Int.fetchOne(db, sql: "SELECT max(id) FROM person") ?? 0
        var people = PersonPlaces(placeByPerson: Array(repeating: -1, count: maxID + 1),
                                  groups: Array(repeating: 0, count: maxID + 1))
        let rows = try RawStatement(db, sql: "SELECT id, township, village, groups FROM person")
        while try rows.step() {
            people.set(Int(rows.int(0)), township: rows.bytes(1), village: rows.bytes(2), groups: rows.int(3))
        }
        return people
    }

    /// Someone registered after the ledger was read: read them on the caller's connection.
    mutating func lookUp(_ person: Int, db: Database) throws -> Int32 {
        let row = try RawStatement(db, sql: "SELECT id, township, village, groups FROM person WHERE id = ?")
        row.bind(1, Int64(person))
        guard try row.step() else { return intern(township: UnsafeRawBufferPointer(start: nil, count: 0),
                                                      village: UnsafeRawBufferPointer(start: nil, count: 0)) }
        if person >= placeByPerson.count {
            placeByPerson += Array(repeating: -1, count: person + 1 - placeByPerson.count)
            groups += Array(repeating: 0, count: person + 1 - groups.count)
        }
        set(person, township: row.bytes(1), village: row.bytes(2), groups: row.int(3))
        row.reset()
        return placeByPerson[person]
    }

    private mutating func set(_ person: Int, township: UnsafeRawBufferPointer, village: UnsafeRawBufferPointer,
                              groups value: Int64) {
        placeByPerson[person] = intern(township: township, village: village)
        groups[person] = UInt8(truncatingIfNeeded: value)
    }

    private mutating func intern(township: UnsafeRawBufferPointer, village: UnsafeRawBufferPointer) -> Int32 {
        let hash = Self.fnv1a(village, Self.fnv1a(township, 0xCBF2_9CE4_8422_2325) ^ 0x1F)
        for candidate in byHash[hash] ?? [] {
            let known = stored[Int(candidate)]
            if known.township.withUnsafeBytes({ $0.elementsEqual(township) })
                && known.village.withUnsafeBytes({ $0.elementsEqual(village) }) {
                return candidate
            }
        }
        let index = Int32(stored.count)
        stored.append((Array(township), Array(village)))
        places.append((String(decoding: township, as: UTF8.self), String(decoding: village, as: UTF8.self)))
        byHash[hash, default: []].append(index)
        return index
    }

    static func fnv1a(_ bytes: UnsafeRawBufferPointer, _ seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}

/// Work started on its own thread now, its result waited for later.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    func value() throws -> Value {
        done.wait()
        done.signal()   // later callers get it too
        return try result!.get()
    }
}

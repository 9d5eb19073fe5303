import GRDB
import Workflow

/// Each person's place and target groups, by person id.
public struct PersonPlaces: Sendable {
    /// Index into `places` by person id; -1 where no person was read.
    private var placeByPerson: [Int32]
    public private(set) var groups: [TargetGroupSet]
    public private(set) var places: [(township: String, village: String)] = []
    /// Places interned by a hash of their bytes, checked byte for byte: a ledger has a few hundred
    /// villages and a million people, and a String per row would cost more than the pass.
    private var byHash: [UInt64: [Int32]] = [:]
    private var stored: [(township: [UInt8], village: [UInt8])] = []

    /// The index of the person's place in `places`, or -1 when they were not read.
    public func place(of person: Int) -> Int32 { person < placeByPerson.count ? placeByPerson[person] : -1 }

    /// Everyone in the ledger, in one sequential pass.
    public static func load(_ db: Database) throws -> PersonPlaces {
        let maxID = try Int.fetchOne(db, sql: "SELECT max(id) FROM person") ?? 0
        var people = PersonPlaces(placeByPerson: Array(repeating: -1, count: maxID + 1),
                                  groups: Array(repeating: [], count: maxID + 1))
        let rows = try RawStatement(db, sql: "SELECT id, township, village, groups FROM person")
        while try rows.step() {
            people.set(Int(rows.int(0)), township: rows.bytes(1), village: rows.bytes(2), groups: rows.int(3))
        }
        return people
    }

    /// Nobody yet: people are looked up one by one (a small campaign in a large ledger).
    public static var empty: PersonPlaces { PersonPlaces(placeByPerson: [], groups: []) }

    /// A statement that reads one person's place, prepared once for many `lookUp`s.
    public static func lookUpStatement(_ db: Database) throws -> RawStatement {
        try RawStatement(db, sql: "SELECT id, township, village, groups FROM person WHERE id = ?")
    }

    /// Reads one person (someone registered after the ledger was read, or everyone of a small
    /// campaign) on the caller's connection; returns their place's index.
    public mutating func lookUp(_ person: Int, with row: RawStatement) throws -> Int32 {
        if person >= placeByPerson.count {
            placeByPerson += Array(repeating: -1, count: person + 1 - placeByPerson.count)
            groups += Array(repeating: [], count: person + 1 - groups.count)
        }
        row.bind(1, Int64(person))
        guard try row.step() else {
            let nowhere = UnsafeRawBufferPointer(start: nil, count: 0)
            set(person, township: nowhere, village: nowhere, groups: 0)
            return placeByPerson[person]
        }
        set(person, township: row.bytes(1), village: row.bytes(2), groups: row.int(3))
        row.reset()
        return placeByPerson[person]
    }

    private mutating func set(_ person: Int, township: UnsafeRawBufferPointer, village: UnsafeRawBufferPointer,
                              groups value: Int64) {
        placeByPerson[person] = intern(township: township, village: village)
        groups[person] = TargetGroupSet(stored: value)
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

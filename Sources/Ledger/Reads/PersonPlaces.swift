import Foundation
import GRDB
import Workflow

/// Each person's place and target groups, by person id.
public struct PersonPlaces: Sendable {
    /// Index into `places` by person id; -1 where no person was read.
    private var placeByPerson: [Int32]
    public private(set) var groups: [TargetGroupSet]
    public private(set) var places: [(township: String, village: String)] = []
    /// Places interned by a hash of their bytes, checked byte for byte: a ledger has a few hundred
    /// villages and a million people, and a String per row would cost more than the pass. The
    /// table is open-addressed (a place's index + 1 per slot, 0 empty, never more than half full)
    /// and probed with the hash itself: a Dictionary hashed the hash again and kept an array per
    /// key, two fifths of the tally's read of the ledger.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var stored: [(hash: UInt64, township: [UInt8], village: [UInt8])] = []
    /// The place of the row before: people of a village are mostly entered together.
    private var last: Int32 = -1

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
        let hash = Self.hash(village, Self.hash(township, 0x243F_6A88_85A3_08D3))
        if last >= 0, isPlace(last, hash, township, village) { return last }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let candidate = slots[slot] - 1
            if isPlace(candidate, hash, township, village) {
                last = candidate
                return candidate
            }
            slot = (slot + 1) & mask
        }
        let index = Int32(stored.count)
        stored.append((hash, Array(township), Array(village)))
        places.append((String(decoding: township, as: UTF8.self), String(decoding: village, as: UTF8.self)))
        slots[slot] = index + 1
        if stored.count * 2 > slots.count { rehash() }
        last = index
        return index
    }

    private func isPlace(_ index: Int32, _ hash: UInt64, _ township: UnsafeRawBufferPointer,
                         _ village: UnsafeRawBufferPointer) -> Bool {
        let known = stored[Int(index)]
        return known.hash == hash && Self.same(known.township, township) && Self.same(known.village, village)
    }

    private static func same(_ known: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard known.count == bytes.count else { return false }
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return true }   // both empty (a blank village)
        return known.withUnsafeBytes { memcmp($0.baseAddress!, start, bytes.count) == 0 }
    }

    /// Twice the slots, every place put back where its hash now leads.
    private mutating func rehash() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, place) in stored.enumerated() {
            var slot = Int(truncatingIfNeeded: place.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index) + 1
        }
    }

    /// A hash of the bytes eight at a time (a place's name is a few Chinese characters, three bytes
    /// each), mixed so that its low bits, which pick the slot, depend on every byte.
    static func hash(_ bytes: UnsafeRawBufferPointer, _ seed: UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = seed ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* multiplier
        return hash ^ (hash >> 32)
    }
}

/// The first row each key was met on, for spotting a person listed twice in one import.
///
/// People are keyed by their ID number as a 64-bit number; for them the table is `CompactFirstRows`,
/// 12 bytes a slot, where a `Dictionary` takes 16 bytes a slot at a power-of-two capacity: 33 MB
/// for a million people, a fifth of the import's peak memory (issue #39's limit is 150 MB). Other
/// kinds (enterprises, postings) are keyed by text and few; they keep a `Dictionary`.
struct FirstRows<Key: Hashable> {
    private var compact: CompactFirstRows?
    private var general: [Key: Int] = [:]

    init(expected: Int) {
        if Key.self == UInt64.self {
            compact = CompactFirstRows(expected: expected)
        } else {
            general.reserveCapacity(expected)
        }
    }

    /// Records `value` as the key's first row, unless the key was met before: then returns the
    /// first row's value and keeps it.
    mutating func insertFirst(_ key: Key, _ value: Int) -> Int? {
        if compact != nil, let number = key as? UInt64 {
            return compact!.insertFirst(number, value)
        }
        if let first = general.updateValue(value, forKey: key) {
            general[key] = first  // one hash lookup for the usual, new key; the first row stays
            return first
        }
        return nil
    }
}

/// An open-addressed table from a 64-bit key to a value that usually fits 32 bits (a sheet's
/// position and a row number), probed linearly at most three-quarters full. A value that does not fit,
/// and the key 0 (which marks an empty slot), go to a small dictionary beside it.
struct CompactFirstRows {
    private var keys: [UInt64]
    private var values: [UInt32]
    private var overflow: [UInt64: Int] = [:]
    private var count = 0
    private var capacity: Int

    /// A value in `values` that stands for "see `overflow`".
    private static let inOverflow = UInt32.max

    init(expected: Int) {
        capacity = max(16, expected * 4 / 3 + 1)
        keys = [UInt64](repeating: 0, count: capacity)
        values = [UInt32](repeating: 0, count: capacity)
    }

    mutating func insertFirst(_ key: UInt64, _ value: Int) -> Int? {
        if key == 0 {
            if let first = overflow[0] { return first }
            overflow[0] = value
            return nil
        }
        if (count + 1) * 4 > capacity * 3 { grow() }
        var slot = Self.slot(of: key, capacity: capacity)
        while true {
            let stored = keys[slot]
            if stored == 0 {
                keys[slot] = key
                if let packed = Self.packed(value) {
                    values[slot] = packed
                } else {
                    values[slot] = Self.inOverflow
                    overflow[key] = value
                }
                count += 1
                return nil
            }
            if stored == key {
                return values[slot] == Self.inOverflow ? overflow[key] : Self.unpacked(values[slot])
            }
            slot += 1
            if slot == capacity { slot = 0 }
        }
    }

    /// Twice the slots, every key moved over (only when the file held more rows than its size suggested).
    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        capacity *= 2
        keys = [UInt64](repeating: 0, count: capacity)
        values = [UInt32](repeating: 0, count: capacity)
        for (index, key) in oldKeys.enumerated() where key != 0 {
            var slot = Self.slot(of: key, capacity: capacity)
            while keys[slot] != 0 {
                slot += 1
                if slot == capacity { slot = 0 }
            }
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }

    /// A slot from the key's bits, spread by a multiplicative hash and mapped onto any capacity
    /// (not only powers of two) by the high half of a product.
    private static func slot(of key: UInt64, capacity: Int) -> Int {
        let spread = key &* 0x9E37_79B9_7F4A_7C15
        return Int(spread.multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// `sheet << 40 | row` as `sheet << 24 | row` when the sheet is one of the first 255 and the row under 16,777,216.
    private static func packed(_ value: Int) -> UInt32? {
        let sheet = value >> 40, row = value & (1 << 40 - 1)
        guard sheet < 255, row < 1 << 24 else { return nil }
        return UInt32(sheet << 24 | row)
    }

    private static func unpacked(_ packed: UInt32) -> Int {
        Int(packed >> 24) << 40 | Int(packed & (1 << 24 - 1))
    }
}

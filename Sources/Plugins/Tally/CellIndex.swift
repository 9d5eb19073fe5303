/// The cell of each (place, target groups) key of one campaign, in an open-addressed table probed
/// with a multiply-shift hash of the 64-bit key: a Dictionary hashed every registration with
/// SipHash, a fifth of the tally's single-threaded part over a million people.
struct CellIndex {
    private var keys = [UInt64](repeating: 0, count: 256)
    /// The cell in each slot, -1 where the slot is empty.
    private var cells = [Int32](repeating: -1, count: 256)
    private var used = 0

    /// A place and a set of target groups as one key.
    static func key(place: Int32, groups: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: place)) << 32 | UInt64(groups) }

    /// The key's cell; `new` (and true) when the key was not there yet.
    mutating func cell(of key: UInt64, new: Int) -> (cell: Int, isNew: Bool) {
        let mask = keys.count - 1
        var slot = Self.slot(key, mask: mask)
        while cells[slot] >= 0 {
            if keys[slot] == key { return (Int(cells[slot]), false) }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        cells[slot] = Int32(new)
        used += 1
        if used * 2 > keys.count { grow() }
        return (new, true)
    }

    private static func slot(_ key: UInt64, mask: Int) -> Int {
        let mixed = key &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 29)) & mask
    }

    /// Twice the slots, the same cells.
    private mutating func grow() {
        let (oldKeys, oldCells) = (keys, cells)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        cells = [Int32](repeating: -1, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, cell) in zip(oldKeys, oldCells) where cell >= 0 {
            var slot = Self.slot(key, mask: mask)
            while cells[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            cells[slot] = cell
        }
    }
}

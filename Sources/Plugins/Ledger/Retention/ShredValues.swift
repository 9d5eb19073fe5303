/// The names, ID numbers and phones of the people being shredded, and a scrubber that takes them out
/// of free text a plugin or the engine kept (a note typed at a desk, a step's message). Numbers are
/// found as whole runs of digits, however they were typed; names as exact substrings.
///
/// A shred of a million people holds a million of each, so they are kept as numbers and UTF-8 bytes:
/// hashing a `String` of Chinese characters normalises it first, which tripled the shred's time.
public struct ShredValues: Sendable {
    /// ID numbers: the first 17 digits × 11 + the check character (X is 10).
    private var idNumbers: Set<UInt64> = []
    private var phones: Set<UInt64> = []
    private var names: Set<[UInt8]> = []
    /// The names' lengths in characters, longest first: a substring is looked up at each.
    private var nameLengths: [Int] = []

    public init() {}

    /// What replaces each value found in free text.
    public static let replacement = "***"

    public var isEmpty: Bool { idNumbers.isEmpty && phones.isEmpty && names.isEmpty }
    public var count: Int { idNumbers.count + phones.count + names.count }

    public mutating func add(name: String?, idNumber: String?, phone: String?) {
        if let idNumber, let key = Self.idKey(idNumber.utf8) { idNumbers.insert(key) }
        if let phone, let key = Self.phoneKey(phone.utf8) { phones.insert(key) }
        // A one-character name would take that character out of every text: such names are rare
        // and only the ledger's own column holds them, which is pseudonymised whole.
        if let name, name.count >= 2 {
            names.insert(Array(name.utf8))
            if !nameLengths.contains(name.count) { nameLengths = (nameLengths + [name.count]).sorted(by: >) }
        }
    }

    /// `text` with every value taken out; the same text when none is in it.
    public func scrub(_ text: String) -> String {
        guard !isEmpty, !text.isEmpty else { return text }
        let characters = Array(text)
        var out = ""
        var changed = false
        var i = 0
        while i < characters.count {
            if let end = digitRun(characters, from: i) {
                let run = String(characters[i..<end])
                if isShreddedNumber(run) {
                    out += Self.replacement
                    changed = true
                } else {
                    out += run
                }
                i = end
                continue
            }
            if let length = nameLengths.first(where: { i + $0 <= characters.count
                && names.contains(Array(String(characters[i..<(i + $0)]).utf8)) }) {
                out += Self.replacement
                changed = true
                i += length
                continue
            }
            out.append(characters[i])
            i += 1
        }
        return changed ? out : text
    }

    private func isShreddedNumber(_ run: String) -> Bool {
        if let key = Self.idKey(run.utf8), idNumbers.contains(key) { return true }
        if let key = Self.phoneKey(run.utf8), phones.contains(key) { return true }
        return false
    }

    /// The end of the run of digits (an ID number's final X included) that starts at `start`, if one does.
    private func digitRun(_ characters: [Character], from start: Int) -> Int? {
        guard characters[start].isASCII, characters[start].isNumber else { return nil }
        var end = start
        while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
        if end < characters.count, characters[end] == "X" || characters[end] == "x" { end += 1 }
        return end
    }

    private static func idKey(_ bytes: String.UTF8View) -> UInt64? {
        guard bytes.count == 18 else { return nil }
        var value: UInt64 = 0
        for (i, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * (i == 17 ? 11 : 10) + UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "X") where i == 17, UInt8(ascii: "x") where i == 17: value = value * 11 + 10
            default: return nil
            }
        }
        return value
    }

    private static func phoneKey(_ bytes: String.UTF8View) -> UInt64? {
        guard bytes.count >= 7, bytes.count <= 15 else { return nil }
        var value: UInt64 = 1   // a leading 1 keeps 0138… apart from 138…
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

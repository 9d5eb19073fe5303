import Workflow

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
    /// The names' lengths in Unicode scalars, longest first: a substring is looked up at each.
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
            let length = name.unicodeScalars.count
            if !nameLengths.contains(length) { nameLengths = (nameLengths + [length]).sorted(by: >) }
        }
    }

    /// `text` with every value taken out; the same text when none is in it. A number is found by
    /// meaning, as masking finds it: digits of any script, with invisible characters and up to two
    /// spaces or dashes between them (`3412 2219…`, `١٣٨…`, a zero-width space) are one number.
    public func scrub(_ text: String) -> String {
        guard !isEmpty, !text.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var i = 0
        while i < scalars.count {
            if let (end, digits) = digitRun(scalars, from: i) {
                if isShreddedNumber(digits) {
                    out.append(contentsOf: Self.replacement.unicodeScalars)
                    changed = true
                } else {
                    out.append(contentsOf: scalars[i..<end])
                }
                i = end
                continue
            }
            if let length = nameLengths.first(where: { i + $0 <= scalars.count
                && names.contains(Array(String(String.UnicodeScalarView(scalars[i..<(i + $0)])).utf8)) }) {
                out.append(contentsOf: Self.replacement.unicodeScalars)
                changed = true
                i += length
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return changed ? String(out) : text
    }

    private func isShreddedNumber(_ run: String) -> Bool {
        if let key = Self.idKey(run.utf8), idNumbers.contains(key) { return true }
        if let key = Self.phoneKey(run.utf8), phones.contains(key) { return true }
        return false
    }

    /// The end of the number that starts at `start`, if one does, and its digits in ASCII (an ID
    /// number's final X included): invisibles skipped, up to two separators taken only between digits.
    private func digitRun(_ scalars: [Unicode.Scalar], from start: Int) -> (Int, String)? {
        guard let first = TypedText.digit(scalars[start]) else { return nil }
        var digits = String(UnicodeScalar(48 + first))
        var end = start + 1
        var probe = end
        var separators = 0
        while probe < scalars.count {
            let scalar = scalars[probe]
            if let digit = TypedText.digit(scalar) {
                digits.unicodeScalars.append(UnicodeScalar(48 + digit))
                separators = 0
                probe += 1
                end = probe
            } else if TypedText.isInvisible(scalar) {
                probe += 1
            } else if separators < 2, TypedText.isSeparator(scalar) {
                separators += 1
                probe += 1
            } else {
                break
            }
        }
        if end < scalars.count, ["X", "x", "Ｘ", "ｘ"].contains(scalars[end]) {
            digits += "X"
            end += 1
        }
        return (end, digits)
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

/// The registration code printed on a badge and scanned at the gate: 8 characters of Crockford
/// base-32 (no I, L, O, U), computed from the person's ledger number by a keyed permutation —
/// a 6-round Feistel network over 40 bits, keyed by a random secret kept per campaign.
///
/// Why computed, not drawn at random and stored: a random code needs a unique index, and keeping
/// that index up to date was the single largest cost of a million-row import. A permutation of
/// distinct ledger numbers gives distinct codes by construction, and a scanned code decodes back
/// to the ledger number without any lookup table. Without the campaign's secret, neighbouring
/// people's codes look unrelated, so a code cannot be guessed from another.
public struct BadgeCode: Sendable {
    public let key: UInt64

    public init(key: UInt64) {
        self.key = key
    }

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    static let halfMask: UInt64 = (1 << 20) - 1
    static let rounds = 6

    /// The code of ledger number `id` (0 ..< 2^40).
    public func encode(_ id: Int64) -> String {
        var left = (UInt64(id) >> 20) & Self.halfMask
        var right = UInt64(id) & Self.halfMask
        for round in 0..<Self.rounds {
            (left, right) = (right, left ^ mix(right, round))
        }
        var value = (left << 20) | right
        var bytes = [UInt8](repeating: 0, count: 8)
        for i in (0..<8).reversed() {
            bytes[i] = Self.alphabet[Int(value & 31)]
            value >>= 5
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The ledger number a code stands for, or nil when the text cannot be a code. Lower case,
    /// spaces, dashes and the look-alikes O→0, I/L→1 are accepted, as a person types them.
    public func decode(_ code: String) -> Int64? {
        var value: UInt64 = 0
        var count = 0
        for scalar in code.uppercased().unicodeScalars {
            if scalar == " " || scalar == "-" { continue }
            var c = UInt8(truncatingIfNeeded: scalar.value)
            guard scalar.isASCII else { return nil }
            if c == UInt8(ascii: "O") { c = UInt8(ascii: "0") }
            if c == UInt8(ascii: "I") || c == UInt8(ascii: "L") { c = UInt8(ascii: "1") }
            guard let digit = Self.alphabet.firstIndex(of: c) else { return nil }
            value = value << 5 | UInt64(digit)
            count += 1
        }
        guard count == 8 else { return nil }
        var left = value >> 20, right = value & Self.halfMask
        for round in (0..<Self.rounds).reversed() {
            (left, right) = (right ^ mix(left, round), left)
        }
        return Int64((left << 20) | right)
    }

    /// The round function: SplitMix64's finalizer over the half, the round and the key.
    private func mix(_ half: UInt64, _ round: Int) -> UInt64 {
        var z = half &+ UInt64(round) &* 0x9E37_79B9_7F4A_7C15 ^ key
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) & Self.halfMask
    }

    /// A fresh secret for a new campaign.
    public static func newKey() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

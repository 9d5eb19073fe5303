/// A unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from a
/// 31-character alphabet (no I, O, S, V, Z), the last a MOD 31 check character.
public struct CreditCode: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case length(Int)
        case character(Character)
        case checkCharacter(expected: Character, found: Character)

        /// In English, for logs and tests; people read `message` (IdentityMessages).
        public var description: String { message.text(.en) }
    }

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public init(_ text: String) throws(Problem) {
        let chars = Array(text.uppercased().filter { !$0.isWhitespace })
        guard chars.count == 18 else { throw .length(chars.count) }
        var sum = 0
        for i in 0..<17 {
            guard let v = Self.alphabet.firstIndex(of: chars[i]) else { throw .character(chars[i]) }
            sum += v * Self.weights[i]
        }
        guard Self.alphabet.contains(chars[17]) else { throw .character(chars[17]) }
        let expected = Self.alphabet[(31 - sum % 31) % 31]
        guard expected == chars[17] else { throw .checkCharacter(expected: expected, found: chars[17]) }
        value = String(chars)
    }

    public var description: String { value }

    /// The check character for 17 characters, for generators of test data.
    public static func checkCharacter(for first17: String) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + (alphabet.firstIndex(of: $1.0) ?? 0) * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }
}

import Workflow

/// A mainland mobile number: 11 digits starting with 1. Read by meaning (`TypedText`: full-width and
/// any script's digits, invisible characters dropped); spaces, dashes, dots, brackets and a +86 / 0086
/// prefix are removed.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case notMobile(String)

        /// In English, for logs and tests; people read `message` (IdentityMessages).
        public var description: String { message.text(.en) }
    }

    public init(_ text: String) throws(Problem) {
        // The usual cell, eleven ASCII digits from 13 up, is the number as written: no scalar walk
        // (a twentieth of a CSV import's reading thread went to walking them).
        let utf8 = text.utf8
        if utf8.count == 11, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
           utf8.first == UInt8(ascii: "1"), utf8.dropFirst().first! >= UInt8(ascii: "3") {
            value = text
            return
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(13)
        var sawOther = false
        for scalar in TypedText.normalized(text).unicodeScalars {
            if let digit = TypedText.digit(scalar) {
                digits.append(48 + digit)
            } else if scalar != "+" && !TypedText.isSeparator(scalar) {
                sawOther = true
            }
        }
        if digits.count == 15, digits.starts(with: Array("0086".utf8)) { digits.removeFirst(4) }
        if digits.count == 13, digits.starts(with: Array("86".utf8)) { digits.removeFirst(2) }
        guard !sawOther, digits.count == 11, digits[0] == UInt8(ascii: "1"), digits[1] >= UInt8(ascii: "3") else {
            throw .notMobile(String(decoding: digits, as: UTF8.self))
        }
        value = String(decoding: digits, as: UTF8.self)
    }

    public var description: String { value }
    public var masked: String { Masking.phone(value) }
}

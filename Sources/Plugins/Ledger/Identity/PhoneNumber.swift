import Workflow

/// A mainland mobile number: 11 digits starting with 1. Spaces, dashes, dots, brackets and a
/// +86 / 0086 prefix are removed; full-width digits folded to ASCII.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case notMobile(String)

        /// In English, for logs and tests; people read `message` (IdentityMessages).
        public var description: String { message.text(.en) }
    }

    public init(_ text: String) throws(Problem) {
        var digits: [UInt8] = []
        digits.reserveCapacity(13)
        var sawOther = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits.append(UInt8(scalar.value))
            case 0xFF10...0xFF19: digits.append(UInt8(scalar.value - 0xFF10) + 48)
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x2B, 0x3000, 0xFF0D, 0x2014, 0xFF08, 0xFF09: continue
            default: sawOther = true
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

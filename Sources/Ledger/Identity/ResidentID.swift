import Foundation
import Workflow

/// An 18-character resident identity number (居民身份证号码) per GB 11643-1999: a 6-digit region,
/// an 8-digit birth date, a 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check
/// character. Normalized: full-width digits become ASCII, a lower-case x becomes X.
///
/// Kept as bytes inline rather than as text: a million-row import makes one per row, and 18
/// characters are too long for Swift's inline strings, so text would cost an allocation (freed
/// on the other thread) each time.
public struct ResidentID: Sendable, Hashable, CustomStringConvertible {
    /// The 18 ASCII characters, then zeros (so equal numbers compare and hash equal).
    private let bytes: SIMD32<UInt8>

    /// The 18 characters.
    public var value: String {
        withASCII { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `body` with the 18 ASCII characters, without making a String of them.
    public func withASCII<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(of: bytes) { raw in
            try body(UnsafeBufferPointer(start: raw.bindMemory(to: UInt8.self).baseAddress, count: 18))
        }
    }

    /// The first 17 digits as a number: a compact key for duplicate detection in large imports.
    public var numericKey: UInt64 {
        (0..<17).reduce(0) { $0 * 10 + UInt64(bytes[$1] - 48) }
    }

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case length(Int)
        case characters
        case birthDate(String)
        case checkCharacter(expected: Character, found: Character)

        /// In English, for logs and tests; people read `message` (IdentityMessages).
        public var description: String { message.text(.en) }
    }

    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [UInt8] = Array("10X98765432".utf8)

    public init(_ text: String, today: Date? = nil) throws(Problem) {
        var bytes = SIMD32<UInt8>()
        let count = Self.normalize(text, into: &bytes)
        guard count == 18 else { throw .length(count) }
        if bytes[17] == UInt8(ascii: "x") { bytes[17] = UInt8(ascii: "X") }
        try Self.check(bytes, today: today.map(Self.yearMonthDay) ?? Self.today)
        self.bytes = bytes
    }

    /// Masked, so an ID number that slips into a message or a log is not disclosed; `value` has it whole.
    public var description: String { masked }

    /// `110105********002X`: region and the last four kept, birth date hidden.
    public var masked: String { Masking.idNumber(value) }

    /// The birth date as yyyy-MM-dd.
    public var birthDate: String {
        let d = Array(value.utf8)
        return String(decoding: d[6..<10], as: UTF8.self) + "-" + String(decoding: d[10..<12], as: UTF8.self) + "-"
            + String(decoding: d[12..<14], as: UTF8.self)
    }

    /// 男 / 女, from the parity of the sequence number.
    public var gender: String {
        bytes[16] % 2 == 1 ? "男" : "女"  // ASCII digits are odd exactly when their value is
    }

    /// Puts the characters into `bytes` read by meaning (`TypedText`: full-width, any script's digits,
    /// invisible characters dropped) with spaces and dashes removed; returns how many there were (only
    /// the first 32 are kept).
    static func normalize(_ text: String, into bytes: inout SIMD32<UInt8>) -> Int {
        var count = 0
        // The usual cell: 18 ASCII characters, read as bytes without decoding.
        if text.utf8.count == 18, text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x80 }) {
            for byte in text.utf8 {
                bytes[count] = byte
                count += 1
            }
            return count
        }
        for scalar in TypedText.normalized(text).unicodeScalars {
            let byte: UInt8
            if scalar == "\t" || TypedText.isSeparator(scalar) { continue }
            switch scalar.value {
            case 0..<0x80: byte = UInt8(scalar.value)
            default: byte = 0
            }
            if count < 32 { bytes[count] = byte }
            count += 1
        }
        return count
    }

    /// Today in China, computed once: a calendar per row would cost more than the check itself.
    static let today = yearMonthDay(Date())

    /// The day in China, where the numbers are issued (UTC+8 all year), whatever the campaign's zone.
    static func yearMonthDay(_ date: Date) -> (year: Int, month: Int, day: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 2100, parts.month ?? 12, parts.day ?? 31)
    }

    /// Checks the characters, the birth date and the check character.
    static func check(_ b: SIMD32<UInt8>, today: (year: Int, month: Int, day: Int)) throws(Problem) {
        var sum = 0
        for i in 0..<17 {
            let d = Int(b[i]) - 48
            guard d >= 0 && d <= 9 else { throw .characters }
            sum += d * weights[i]
        }
        let last = b[17]
        guard (last >= 48 && last <= 57) || last == UInt8(ascii: "X") else { throw .characters }
        let year = digits(b, 6, 4), month = digits(b, 10, 2), day = digits(b, 12, 2)
        if year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)
            || (year, month, day) > (today.year, today.month, today.day) {
            throw .birthDate(String(format: "%04d-%02d-%02d", year, month, day))
        }
        let expected = checkCharacters[sum % 11]
        guard expected == last else {
            throw .checkCharacter(expected: Character(UnicodeScalar(expected)), found: Character(UnicodeScalar(last)))
        }
    }

    static func digits(_ b: SIMD32<UInt8>, _ start: Int, _ count: Int) -> Int {
        (start..<(start + count)).reduce(0) { $0 * 10 + Int(b[$1]) - 48 }
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The check character for 17 digits, for generators of test ledgers.
    public static func checkCharacter(for first17: String) -> Character {
        let sum = zip(first17.utf8, weights).reduce(0) { $0 + (Int($1.0) - 48) * $1.1 }
        return Character(UnicodeScalar(checkCharacters[sum % 11]))
    }
}

extension RawStatement {
    /// Binds the ID number's 18 characters without making a String of them.
    @inlinable
    public func bind(_ index: Int32, _ id: ResidentID) {
        id.withASCII { bind(index, utf8: $0) }
    }
}

import Foundation
import GRDB

/// A time as the workspace stores it — GRDB's text form, "yyyy-MM-dd HH:mm:ss.SSS" in UTC — written
/// by arithmetic instead of GRDB's shared `DateFormatter`, which takes a lock and a trip through ICU
/// for every time bound to a statement. The engine binds two or three times per durable transition,
/// so a chain step spent more on formatting its timestamps than on SQLite's parsing of them.
/// The text is byte for byte GRDB's (StoredTimeTests compares them), so either reads the other's.
public enum StoredTime {
    /// The stored text of `date`, rounded to the nearest millisecond (halves up) as Foundation's formatter rounds it.
    public static func text(_ date: Date) -> String {
        // The same arithmetic as Foundation's formatter (reference-date seconds to Unix milliseconds,
        // rounded), so both land on the same millisecond.
        let milliseconds = ((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down)
        guard milliseconds.isFinite, abs(milliseconds) < 1e15 else { return fallback(date) }
        let total = Int(milliseconds)
        let (days, millisecondOfDay) = floorDivision(total, 86_400_000)
        let (year, month, day) = TimeFormats.civilDate(daysSinceEpoch: days)
        guard (1600...9999).contains(year) else { return fallback(date) }
        let second = millisecondOfDay / 1000
        var bytes = [UInt8](repeating: 0, count: 23)
        func put(_ value: Int, at start: Int, digits: Int) {
            var rest = value
            for index in stride(from: start + digits - 1, through: start, by: -1) {
                bytes[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                rest /= 10
            }
        }
        put(year, at: 0, digits: 4)
        put(month, at: 5, digits: 2)
        put(day, at: 8, digits: 2)
        put(second / 3600, at: 11, digits: 2)
        put(second / 60 % 60, at: 14, digits: 2)
        put(second % 60, at: 17, digits: 2)
        put(millisecondOfDay % 1000, at: 20, digits: 3)
        bytes[4] = 45; bytes[7] = 45; bytes[10] = 32; bytes[13] = 58; bytes[16] = 58; bytes[19] = 46
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The time a stored text says: the form `text` writes read by arithmetic (a repeat scan reads when
    /// the person was first let in), any other form through GRDB as before.
    public static func date(_ text: String) -> Date? {
        var text = text
        let parsed = text.withUTF8 { bytes -> Date? in
            guard bytes.count == 23, bytes[4] == 45, bytes[7] == 45, bytes[10] == 32, bytes[13] == 58, bytes[16] == 58,
                  bytes[19] == 46 else { return nil }
            func number(_ start: Int, _ digits: Int) -> Int? {
                var value = 0
                for index in start..<(start + digits) {
                    guard (48...57).contains(bytes[index]) else { return nil }
                    value = value * 10 + Int(bytes[index] - 48)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                  let minute = number(14, 2), let second = number(17, 2), let millisecond = number(20, 3),
                  (1600...9999).contains(year), (1...12).contains(month), (1...28).contains(day) || day <= daysIn(month, of: year),
                  day >= 1, hour < 24, minute < 60, second < 60 else { return nil }
            let days = TimeFormats.daysSinceEpoch(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
            return Date(timeIntervalSince1970: Double(seconds) + Double(millisecond) / 1000)
        }
        return parsed ?? Date.fromDatabaseValue(text.databaseValue)
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Years outside 1600…9999 (never a campaign's; before 1582 ICU's calendar is Julian) keep GRDB's own form.
    private static func fallback(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? ""
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = value / divisor, remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

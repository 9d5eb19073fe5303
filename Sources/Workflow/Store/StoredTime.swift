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

    /// Years outside 1600…9999 (never a campaign's; before 1582 ICU's calendar is Julian) keep GRDB's own form.
    private static func fallback(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? ""
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = value / divisor, remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

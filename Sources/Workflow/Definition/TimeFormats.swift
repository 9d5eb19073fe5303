import Foundation

/// Reading the durations and date-times people write in campaign files.
public enum TimeFormats {
    /// The longest duration a campaign file may give: ten years. Longer ones are mistakes (a unit
    /// typed twice, a number pasted whole) and would overflow the clock's arithmetic.
    public static let longestDuration = Duration.seconds(3650 * 86400)

    /// `90s`, `15m`, `2h`, `30d`, `1h30m`, `500ms`. A bare number is seconds. Nil for anything
    /// else, and for infinity, NaN or more than `longestDuration`.
    public static func duration(_ text: String) -> Duration? {
        guard let seconds = durationSeconds(text), seconds.isFinite, seconds >= 0,
              seconds <= longestDuration.seconds else { return nil }
        return .seconds(seconds)
    }

    /// Why `text` is not a duration a campaign file may give, in words for the file's author.
    public static func durationProblem(_ text: String) -> Message? {
        guard let seconds = durationSeconds(text), seconds >= 0 else {
            return DefinitionMessages.notADuration(["text": text])
        }
        guard seconds.isFinite, seconds <= longestDuration.seconds else {
            return DefinitionMessages.durationTooLong(["text": text])
        }
        return nil
    }

    private static func durationSeconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let seconds = Double(trimmed) { return seconds }
        var total = 0.0
        var number = ""
        var rest = Substring(trimmed)
        guard !rest.isEmpty else { return nil }
        while let c = rest.first {
            if c.isNumber || c == "." {
                number.append(c)
                rest = rest.dropFirst()
                continue
            }
            guard let value = Double(number) else { return nil }
            let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400), ("w", 604_800)]
            guard let (unit, factor) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            total += value * factor
            rest = rest.dropFirst(unit.count)
            number = ""
        }
        guard number.isEmpty else { return nil }
        return total
    }

    /// A day written `2026-03-01` (or `2026/3/1`), as `yyyy-MM-dd`; nil when it is no real day in
    /// `campaignYears`.
    public static func day(_ text: String) -> String? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), campaignYears.contains(year), (1...12).contains(month), (1...31).contains(day) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The years a campaign's dates may fall in: anything else is a typo (20260 for 2026).
    public static let campaignYears = 2000...2099

    /// `2026-03-01 17:00`, `2026-03-01T17:00:00`, `2026-03-01` (midnight) in the campaign's time zone,
    /// or a full ISO 8601 time with its own offset (`2026-03-01T17:00:00+08:00`); nil outside `campaignYears`.
    public static func dateTime(_ text: String, timeZone: TimeZone) -> Date? {
        guard let date = anyDateTime(text, timeZone: timeZone) else { return nil }
        let year = Calendar(identifier: .gregorian).dateComponents(in: timeZone, from: date).year ?? 0
        return campaignYears.contains(year) ? date : nil
    }

    private static func anyDateTime(_ text: String, timeZone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime]
        if let date = iso.date(from: trimmed) { return date }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = iso.date(from: trimmed) { return date }
        for format in ["yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
                       "yyyy-MM-dd"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = format
            formatter.isLenient = false
            if let date = formatter.date(from: trimmed) { return date }
        }
        return nil
    }

    /// `2026-03-01 17:00` in the given zone, for messages. Computed from the zone's offset with
    /// integer arithmetic (Hinnant's civil-from-days): a DateFormatter per call cost more than a
    /// whole check-in.
    public static func display(_ date: Date, timeZone: TimeZone, seconds: Bool = false) -> String {
        // A time no calendar of this program's holds (a stored value tampered with: 1e300 seconds) is
        // shown as the year 0001 or 9999 it is beyond, never a crash.
        let stamp = date.timeIntervalSince1970
        guard stamp.isFinite, stamp > -62_135_596_800, stamp < 253_402_300_799 else {
            return stamp > 0 ? "9999-12-31 23:59" + (seconds ? ":59" : "") : "0001-01-01 00:00" + (seconds ? ":00" : "")
        }
        let local = Int(stamp.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secondOfDay = local - days * 86400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = "\(year)-\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60))"
        if seconds { text += ":\(two(secondOfDay % 60))" }
        return text
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day counted from 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func display(_ duration: Duration) -> String {
        let s = duration.seconds
        if s < 1 { return "\(Int((s * 1000).rounded())) ms" }
        if s < 60 { return s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s) }
        if s < 3600 { return "\(Int(s / 60)) min" + (Int(s) % 60 > 0 ? " \(Int(s) % 60) s" : "") }
        if s < 86400 { return "\(Int(s / 3600)) h" + (Int(s) % 3600 / 60 > 0 ? " \(Int(s) % 3600 / 60) min" : "") }
        return "\(Int(s / 86400)) d" + (Int(s) % 86400 / 3600 > 0 ? " \(Int(s) % 86400 / 3600) h" : "")
    }
}

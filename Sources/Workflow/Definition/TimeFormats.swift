import Foundation

/// Reading the durations and date-times people write in campaign files.
public enum TimeFormats {
    /// `90s`, `15m`, `2h`, `30d`, `1h30m`, `500ms`. A bare number is seconds.
    public static func duration(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let seconds = Double(trimmed), seconds >= 0 { return .seconds(seconds) }
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
        return .seconds(total)
    }

    /// `2026-03-01 17:00`, `2026-03-01T17:00:00`, `2026-03-01` (midnight) in the campaign's time zone,
    /// or a full ISO 8601 time with its own offset (`2026-03-01T17:00:00+08:00`).
    public static func dateTime(_ text: String, timeZone: TimeZone) -> Date? {
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

    /// `2026-03-01 17:00` in the given zone, for messages.
    public static func display(_ date: Date, timeZone: TimeZone, seconds: Bool = false) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
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

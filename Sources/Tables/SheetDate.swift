import Foundation

/// Dates as clerks write them on sheets and forms: 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日,
/// 3/5/2026 (month first, as Excel writes dates into a CSV on an English system), or an Excel
/// date cell (a serial day number). Stored as `yyyy-MM-dd`.
public enum SheetDate {
    public static func parse(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let serial = Double(t), serial >= 20_000, serial < 80_000 {
            // Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included).
            let date = Date(timeIntervalSince1970: (serial.rounded(.down) - 25_569) * 86_400)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let day = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
        }
        let parts = t.replacingOccurrences(of: "日", with: "")
            .split(whereSeparator: { "-/.年月".contains($0) }).map(String.init)
        guard parts.count == 3 else { return nil }
        // The year is the part with four digits: first (2026/3/5) or, with slashes, last (3/5/2026).
        let yearLast = parts[2].count == 4 && parts[0].count <= 2 && t.contains("/")
        let (y, m, d) = yearLast ? (parts[2], parts[0], parts[1]) : (parts[0], parts[1], parts[2])
        guard let year = Int(y), let month = Int(m), let day = Int(d),
              (2000...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}

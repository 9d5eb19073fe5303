import Foundation

/// A five-field cron expression — minute, hour, day of month, month, day of week — read as Vixie
/// cron reads it (when both day fields are restricted, a day matching either runs), plus `DOW#N`,
/// the Nth such weekday of the month (`1#1`: the first Monday), which county calendars need
/// ("a fair on the first Monday of each month") and plain cron cannot say.
///
/// Fields take `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`, and names (`JAN`,
/// `MON`); Sunday is 0 or 7. Times are read in the campaign's time zone.
public struct CronExpression: Sendable, Equatable {
    public let source: String
    let minutes: Set<Int>
    let hours: Set<Int>
    let daysOfMonth: Set<Int>
    let months: Set<Int>
    let weekdays: Set<Int>
    /// `DOW#N` entries: (weekday 0–6, N 1–5).
    let nthWeekdays: Set<NthWeekday>
    let daysOfMonthRestricted: Bool
    let weekdaysRestricted: Bool

    struct NthWeekday: Hashable, Sendable {
        let weekday: Int
        let n: Int
    }

    /// A problem in an expression, with the offset (in characters) of the field at fault.
    public struct Problem: Error, Sendable, Equatable {
        public var wording: Message
        public var offset: Int
        public var hintWording: Message?

        init(_ wording: Message, offset: Int, hint: Message? = nil) {
            self.wording = wording
            self.offset = offset
            self.hintWording = hint
        }

        /// In English, for logs and tests.
        public var message: String { wording.text(.en) }
        public var hint: String? { hintWording?.text(.en) }
    }

    static let fieldNames = [CronMessages.minute, CronMessages.hour, CronMessages.dayOfMonth, CronMessages.month,
                             CronMessages.dayOfWeek]
    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    public init(_ source: String) throws(Problem) {
        self.source = source
        var fields: [(text: String, offset: Int)] = []
        var offset = 0
        for part in source.split(separator: " ", omittingEmptySubsequences: false) {
            if !part.isEmpty { fields.append((String(part), offset)) }
            offset += part.count + 1
        }
        guard fields.count == 5 else {
            throw Problem(CronMessages.fiveFields(["count": "\(fields.count)"]), offset: 0, hint: CronMessages.fiveFieldsHint())
        }
        minutes = try Self.parse(fields[0], field: 0, range: 0...59, names: [])
        hours = try Self.parse(fields[1], field: 1, range: 0...23, names: [])
        daysOfMonth = try Self.parse(fields[2], field: 2, range: 1...31, names: [])
        months = try Self.parse(fields[3], field: 3, range: 1...12, names: Self.monthNames, firstName: 1)
        var nth = Set<NthWeekday>()
        var plain: [String] = []
        var position = fields[4].offset
        for item in fields[4].text.split(separator: ",", omittingEmptySubsequences: false) {
            if let hash = item.firstIndex(of: "#") {
                let day = try Self.value(String(item[..<hash]), at: position, field: 4, range: 0...7, names: Self.dayNames)
                guard let n = Int(item[item.index(after: hash)...]), (1...5).contains(n) else {
                    throw Problem(CronMessages.badNth(["item": String(item)]), offset: position, hint: CronMessages.badNthHint())
                }
                nth.insert(NthWeekday(weekday: day % 7, n: n))
            } else {
                plain.append(String(item))
            }
            position += item.count + 1
        }
        var weekdays = Set<Int>()
        if !plain.isEmpty {
            weekdays = try Self.parse((plain.joined(separator: ","), fields[4].offset), field: 4, range: 0...7,
                                      names: Self.dayNames)
            if weekdays.contains(7) { weekdays.remove(7); weekdays.insert(0) }
        }
        self.weekdays = weekdays
        nthWeekdays = nth
        daysOfMonthRestricted = fields[2].text != "*"
        weekdaysRestricted = fields[4].text != "*"
    }

    private static func parse(_ field: (text: String, offset: Int), field index: Int, range: ClosedRange<Int>,
                              names: [String], firstName: Int = 0) throws(Problem) -> Set<Int> {
        var result = Set<Int>()
        var offset = field.offset
        for item in field.text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            defer { offset += item.count + 1 }
            var body = item
            var step = 1
            if let slash = item.firstIndex(of: "/") {
                guard let n = Int(item[item.index(after: slash)...]), n >= 1, n <= range.upperBound else {
                    throw Problem(CronMessages.badStep(["item": item, "high": "\(range.upperBound)"],
                                                       words: ["field": fieldNames[index]()]),
                                  offset: offset, hint: CronMessages.badStepHint())
                }
                step = n
                body = String(item[..<slash])
            }
            let bounds: ClosedRange<Int>
            if body == "*" {
                bounds = range
            } else if let dash = body.firstIndex(of: "-") {
                let low = try value(String(body[..<dash]), at: offset, field: index, range: range, names: names,
                                    firstName: firstName)
                let high = try value(String(body[body.index(after: dash)...]), at: offset, field: index, range: range,
                                     names: names, firstName: firstName)
                guard low <= high else {
                    throw Problem(CronMessages.backwards(["range": body], words: ["field": fieldNames[index]()]),
                                  offset: offset, hint: CronMessages.backwardsHint())
                }
                bounds = low...high
            } else {
                let single = try value(body, at: offset, field: index, range: range, names: names, firstName: firstName)
                bounds = single...(step > 1 ? range.upperBound : single)
            }
            result.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return result
    }

    private static func value(_ text: String, at offset: Int, field index: Int, range: ClosedRange<Int>,
                              names: [String], firstName: Int = 0) throws(Problem) -> Int {
        if let n = Int(text), range.contains(n) { return n }
        if let i = names.firstIndex(of: text.uppercased()) { return i + firstName }
        var values = ["text": text, "low": "\(range.lowerBound)", "high": "\(range.upperBound)"]
        if let first = names.first, let last = names.last { values["first"] = first; values["last"] = last }
        throw Problem((names.isEmpty ? CronMessages.doesNotFit : CronMessages.doesNotFitNamed)(values, words: ["field": fieldNames[index]()]),
                      offset: offset, hint: CronMessages.fieldsAre())
    }

    /// The first time strictly after `date` that the expression names, in `timeZone`; nil when there
    /// is none within five years (`0 0 30 2 *`: the 30th of February).
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // The next whole minute, computed on whole numbers: 08:59:58.3 gives exactly 09:00:00.
        let start = Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60)
        var day = calendar.startOfDay(for: start)
        let sortedHours = hours.sorted(), sortedMinutes = minutes.sorted()
        for _ in 0..<(5 * 366) {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            if let month = parts.month, let dom = parts.day, let weekday = parts.weekday, months.contains(month),
               dayMatches(dom: dom, weekday: weekday - 1) {
                for hour in sortedHours {
                    for minute in sortedMinutes {
                        var wanted = parts
                        wanted.hour = hour
                        wanted.minute = minute
                        wanted.weekday = nil
                        guard let candidate = calendar.date(from: wanted),
                              calendar.component(.hour, from: candidate) == hour, candidate >= start else { continue }
                        return candidate
                    }
                }
            }
            guard let following = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = following
        }
        return nil
    }

    private func dayMatches(dom: Int, weekday: Int) -> Bool {
        let byDay = daysOfMonth.contains(dom)
        let byWeekday = weekdays.contains(weekday) || nthWeekdays.contains(NthWeekday(weekday: weekday, n: (dom - 1) / 7 + 1))
        switch (daysOfMonthRestricted, weekdaysRestricted) {
        case (true, true): return byDay || byWeekday
        case (true, false): return byDay
        case (false, true): return byWeekday
        case (false, false): return true
        }
    }
}

import Foundation

/// iCalendar (RFC 5545) text for interview calendars: CRLF line ends, lines folded at 75 octets
/// without cutting a UTF-8 character in two (a Chinese character is 3 octets), text escaped, a
/// VTIMEZONE for the campaign's zone, and stable UIDs with a SEQUENCE that rises when a slot moves,
/// so a calendar that imports the file again updates its events instead of doubling them.
struct ICalendar {
    struct Event {
        var uid: String
        var sequence: Int
        var start: Date
        var end: Date
        var summary: String
        var location: String
        var description: String
    }

    var name: String
    var timeZone: TimeZone
    var events: [Event]
    var stamp: Date

    var text: String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//campaign//interviews//ZH", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + Self.escape(name)]
        let fixedOffset = timeZone.nextDaylightSavingTimeTransition == nil
        if fixedOffset {
            // A zone without daylight saving (China's) is one STANDARD rule; times are given in it.
            let offset = Self.offset(timeZone.secondsFromGMT())
            lines += ["BEGIN:VTIMEZONE", "TZID:\(timeZone.identifier)", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                      "TZOFFSETFROM:\(offset)", "TZOFFSETTO:\(offset)",
                      "TZNAME:\(timeZone.abbreviation() ?? timeZone.identifier)", "END:STANDARD", "END:VTIMEZONE"]
        }
        func time(_ key: String, _ date: Date) -> String {
            fixedOffset ? "\(key);TZID=\(timeZone.identifier):\(Self.local(date, timeZone))"
                : "\(key):\(Self.local(date, TimeZone(identifier: "UTC")!))Z"
        }
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "SEQUENCE:\(event.sequence)",
                      "DTSTAMP:\(Self.local(stamp, TimeZone(identifier: "UTC")!))Z",
                      time("DTSTART", event.start), time("DTEND", event.end),
                      "SUMMARY:" + Self.escape(event.summary), "LOCATION:" + Self.escape(event.location),
                      "DESCRIPTION:" + Self.escape(event.description), "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values: backslash, semicolon, comma and line ends escaped.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// A content line folded into lines of at most 75 octets, continuations starting with a space,
    /// cut only between characters (Unicode scalars, never inside one's UTF-8 bytes).
    static func fold(_ line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            let limit = result.isEmpty ? 75 : 74   // a continuation's leading space counts
            if octets + size > limit {
                result.append(result.isEmpty ? current : " " + current)
                current = ""
                octets = 0
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        result.append(result.isEmpty ? current : " " + current)
        return result
    }

    static func local(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "%@%02d%02d", sign, minutes / 60, minutes % 60)
    }
}

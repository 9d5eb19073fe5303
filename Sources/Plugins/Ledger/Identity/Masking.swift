/// Masks personal data for terminal output, exports and logs, the way Chinese public services do.
public enum Masking {
    /// `110105********002X`
    public static func idNumber(_ id: String) -> String {
        let c = Array(id)
        guard c.count >= 10 else { return String(repeating: "*", count: c.count) }
        return String(c.prefix(6)) + String(repeating: "*", count: c.count - 10) + String(c.suffix(4))
    }

    /// `138****1234`
    public static func phone(_ phone: String) -> String {
        let c = Array(phone)
        guard c.count >= 7 else { return String(repeating: "*", count: c.count) }
        return String(c.prefix(3)) + String(repeating: "*", count: c.count - 7) + String(c.suffix(4))
    }

    /// `张*` / `欧阳**`: the family name stays, the given name is hidden.
    public static func name(_ name: String) -> String {
        let c = Array(name)
        guard c.count > 1 else { return name }
        let keep = c.count >= 4 ? 2 : 1
        return String(c.prefix(keep)) + String(repeating: "*", count: c.count - keep)
    }

    /// Masks anything in free text that looks like an ID number or a mobile number
    /// (for messages that quote a bad cell).
    public static func scrub(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            if run.count >= 15 { out += idNumber(run) } else if run.count >= 11 { out += phone(run) } else { out += run }
            run = ""
        }
        for ch in text {
            if ch.isASCII && (ch.isNumber || ch == "X" || ch == "x") { run.append(ch) } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }
}

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

    /// Masks anything in free text that looks like an ID number or a phone number, for messages and
    /// ledgers that quote what was typed. Digits count however they were typed — full-width
    /// (１３８), or split by spaces, dashes or dots (138 0013-8000, +86 138…) — and any run of seven
    /// or more is masked (an ID number keeps its first six and last four, anything else its first
    /// three and last four), so a number a digit short or long is masked too.
    public static func scrub(_ text: String) -> String {
        var out = ""
        var digits = ""
        var pending = ""   // separators seen after a digit, kept only if no digit follows
        func flush() {
            if digits.count >= 15 { out += idNumber(digits) } else if digits.count >= 7 { out += phone(digits) }
            else { out += digits }
            digits = ""
            out += pending
            pending = ""
        }
        for ch in text {
            if let digit = asciiDigit(ch) {
                pending = ""
                digits.append(digit)
            } else if !digits.isEmpty && (ch == "X" || ch == "x") {
                digits.append("X")
            } else if !digits.isEmpty && pending.count < 2 && [" ", "-", ".", "\u{3000}"].contains(ch) {
                pending.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }

    /// The ASCII digit a character stands for: 0–9, or the full-width ０–９ of Chinese input methods.
    static func asciiDigit(_ ch: Character) -> Character? {
        guard let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return ch
        case 0xFF10...0xFF19: return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        default: return nil
        }
    }
}

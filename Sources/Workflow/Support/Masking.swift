/// Masks personal data for terminal output, exports and logs, the way Chinese public services do.
public enum Masking {
    /// `110105********002X`
    public static func idNumber(_ id: String) -> String {
        let c = Array(id)
        guard c.count >= 10 else { return String(repeating: "*", count: c.count) }
        return String(c.prefix(6)) + String(repeating: "*", count: c.count - 10) + String(c.suffix(4))
    }

    /// `138****1234`: a mobile number keeps its first three and last four. A shorter run of digits
    /// hides four all the same (`138****800` for ten, `13****3` for seven), so no run of seven digits
    /// is ever shown whole.
    public static func phone(_ phone: String) -> String {
        let c = Array(phone)
        guard c.count >= 7 else { return String(repeating: "*", count: c.count) }
        let hidden = max(4, c.count - 7)
        let head = min(3, (c.count - hidden + 1) / 2)
        return String(c.prefix(head)) + String(repeating: "*", count: hidden) + String(c.suffix(c.count - hidden - head))
    }

    /// `张*` / `欧阳**`: the family name stays, the given name is hidden.
    public static func name(_ name: String) -> String {
        let c = Array(name)
        guard c.count > 1 else { return name }
        let keep = c.count >= 4 ? 2 : 1
        return String(c.prefix(keep)) + String(repeating: "*", count: c.count - keep)
    }

    /// Masks anything in free text that looks like an ID number or a phone number, for messages and
    /// ledgers that quote what was typed. Digits count by what they mean (`TypedText`): full-width
    /// (１３８), of any script (٣, 𝟑), split by spaces, dashes, dots or brackets (138 0013–8000,
    /// (138)0013, +86 138…) or by invisible characters (a zero-width space) — and any run of seven or
    /// more is masked (an ID number keeps its first six and last four, anything else at most seven
    /// digits and never a run of seven whole), so a number a digit short or long is masked too. The
    /// rest of the text stays as written (a Chinese colon stays a Chinese colon); invisible characters
    /// are dropped and digits come back as ASCII.
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
        for scalar in text.unicodeScalars where !TypedText.isInvisible(scalar) {
            if let digit = TypedText.digit(scalar) {
                pending = ""
                digits.unicodeScalars.append(Unicode.Scalar(48 + digit))
            } else if !digits.isEmpty && (scalar == "X" || scalar == "x" || scalar == "Ｘ" || scalar == "ｘ") {
                digits.append("X")
            } else if !digits.isEmpty && pending.unicodeScalars.count < 2 && TypedText.isSeparator(scalar) {
                pending.unicodeScalars.append(scalar)
            } else {
                flush()
                out.unicodeScalars.append(scalar)
            }
        }
        flush()
        return out
    }


}

/// Masks personal data for terminal output, exports and logs, the way Chinese public services do.
public enum Masking {
    /// `110105********002X`
    public static func idNumber(_ id: String) -> String {
        if let ascii = asciiBytes(id) {
            guard ascii.count >= 10 else { return String(repeating: "*", count: ascii.count) }
            return String(decoding: ascii.prefix(6) + Array(repeating: UInt8(ascii: "*"), count: ascii.count - 10) + ascii.suffix(4),
                          as: UTF8.self)
        }
        let c = Array(id)
        guard c.count >= 10 else { return String(repeating: "*", count: c.count) }
        return String(c.prefix(6)) + String(repeating: "*", count: c.count - 10) + String(c.suffix(4))
    }

    /// `138****1234`: a mobile number keeps its first three and last four. A shorter run of digits
    /// hides four all the same (`138****800` for ten, `13****3` for seven), so no run of seven digits
    /// is ever shown whole.
    public static func phone(_ phone: String) -> String {
        if let ascii = asciiBytes(phone) {
            guard ascii.count >= 7 else { return String(repeating: "*", count: ascii.count) }
            let hidden = max(4, ascii.count - 7)
            let head = min(3, (ascii.count - hidden + 1) / 2)
            return String(decoding: ascii.prefix(head) + Array(repeating: UInt8(ascii: "*"), count: hidden)
                            + ascii.suffix(ascii.count - hidden - head), as: UTF8.self)
        }
        let c = Array(phone)
        guard c.count >= 7 else { return String(repeating: "*", count: c.count) }
        let hidden = max(4, c.count - 7)
        let head = min(3, (c.count - hidden + 1) / 2)
        return String(c.prefix(head)) + String(repeating: "*", count: hidden) + String(c.suffix(c.count - hidden - head))
    }

    /// `张*` / `欧阳**`: the family name stays, the given name is hidden.
    public static func name(_ name: String) -> String {
        // A name of Chinese characters or Latin letters: each scalar a character of its own, counted as such
        // (a check-in masks a name with every answer).
        let scalars = name.unicodeScalars
        if scalars.allSatisfy({ (0x20..<0x300).contains($0.value) || (0x3400...0x9FFF).contains($0.value) }) {
            let count = scalars.count
            guard count > 1 else { return name }
            let keep = count >= 4 ? 2 : 1
            return String(String.UnicodeScalarView(scalars.prefix(keep))) + String(repeating: "*", count: count - keep)
        }
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
        // A number as a scanner or a keyboard sends it (digits, an ID's final X): one run, masked at once.
        // Every check-in stores its input scrubbed; this is nearly every one of them.
        let utf8 = text.utf8
        if let first = utf8.first, (0x30...0x39).contains(first),
           utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") }) {
            let run = utf8.contains(UInt8(ascii: "x")) ? String(decoding: utf8.map { $0 == UInt8(ascii: "x") ? UInt8(ascii: "X") : $0 },
                                                                  as: UTF8.self) : text
            return run.utf8.count >= 15 ? idNumber(run) : run.utf8.count >= 7 ? phone(run) : run
        }
        return scrubScalars(text)
    }

    /// `scrub` of any text, scalar by scalar.
    static func scrubScalars(_ text: String) -> String {
        // Built in arrays and made a string once: appending to a string's scalars one by one went through
        // its generic replace path, a sizeable part of a check-in (every scan's input is stored scrubbed).
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        var digits: [UInt8] = []   // ASCII digits and X
        var pending: [Unicode.Scalar] = []   // separators seen after a digit, kept only if no digit follows
        func flush() {
            if !digits.isEmpty {
                let run = String(decoding: digits, as: UTF8.self)
                out.append(contentsOf: (digits.count >= 15 ? idNumber(run) : digits.count >= 7 ? phone(run) : run).unicodeScalars)
                digits.removeAll(keepingCapacity: true)
            }
            out.append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars where !TypedText.isInvisible(scalar) {
            if let digit = TypedText.digit(scalar) {
                pending.removeAll(keepingCapacity: true)
                digits.append(48 + digit)
            } else if !digits.isEmpty && (scalar == "X" || scalar == "x" || scalar == "Ｘ" || scalar == "ｘ") {
                digits.append(UInt8(ascii: "X"))
            } else if !digits.isEmpty && pending.count < 2 && TypedText.isSeparator(scalar) {
                pending.append(scalar)
            } else {
                flush()
                out.append(scalar)
            }
        }
        flush()
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }

    /// The text's bytes when each is a character of its own (ASCII but CR, which joins a following LF
    /// into one character), for the masks' quick path.
    static func asciiBytes(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        return bytes.allSatisfy { $0 < 0x80 && $0 != 13 } ? bytes : nil
    }


}

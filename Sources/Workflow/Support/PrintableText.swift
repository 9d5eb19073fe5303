/// Text from outside the program (a plugin's reply, its stderr) made safe to store and to show: what
/// a terminal would obey rather than print — escape sequences whole (colours, cursor moves, a title
/// change, a hyperlink), other controls, C1 controls, bidirectional overrides that reorder what a
/// reader sees — is dropped (tabs and line breaks stay), and personal numbers are masked.
public enum PrintableText {
    public static func cleaned(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                skipEscape(&scalars)
            } else if !isControl(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Cleaned, then masked (`Masking.scrub`).
    public static func masked(_ text: String) -> String { Masking.scrub(cleaned(text)) }

    /// Skips what follows an ESC: a CSI sequence (`ESC [ … final`), an OSC or string sequence up to its
    /// terminator (BEL or `ESC \`), or the one character of a short escape.
    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let kind = scalars.next() else { return }
        switch kind {
        case "[":
            while let s = scalars.next(), !(0x40...0x7E).contains(s.value) {}
        case "]", "P", "X", "^", "_":
            var previous: Unicode.Scalar = " "
            while let s = scalars.next() {
                if s == "\u{07}" || (previous == "\u{1B}" && s == "\\") { break }
                previous = s
            }
        default:
            break
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}

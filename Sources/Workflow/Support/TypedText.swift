import Foundation

/// Text as a person typed it, read by what it means rather than by the keys pressed: compatibility
/// forms folded (NFKC: full-width ０–９ and Ｘ, the ideographic space), every decimal digit of every
/// script read as its ASCII digit (Arabic-Indic ٣, Devanagari ३, mathematical 𝟑…), and invisible
/// format characters (zero-width space and joiners, the byte-order mark, soft hyphens) dropped. What
/// is stored, matched or worded goes through it first, so a number typed with a zero-width space or
/// an en dash is the same number — and is masked like one.
public enum TypedText {
    /// The text normalised; plain ASCII (nearly every cell of a ledger) comes back as it is, at once.
    public static func normalized(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if isInvisible(scalar) { continue }
            if let digit = digit(scalar) {
                out.append(Unicode.Scalar(48 + digit))
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The text without the blanks around it: spaces of every width and tabs, what Foundation's
    /// `.whitespaces` trims. Read scalar by scalar, and the text itself returned when nothing is trimmed:
    /// Foundation's trimming bridges through NSString, which made it a check-in's costliest string step.
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// A blank as Foundation's `.whitespaces` has it: a tab, a space of any width (Unicode's Zs), and the
    /// zero-width space, which it still counts from when Unicode did.
    public static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\t" }
        return scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
    }

    /// The value of a decimal digit of any script, 0–9; nil for anything else.
    public static func digit(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value >= 0x30 && scalar.value <= 0x39 { return UInt8(scalar.value - 0x30) }
        guard scalar.value >= 0x80, scalar.properties.numericType == .decimal,
              let value = scalar.properties.numericValue, value >= 0, value <= 9 else { return nil }
        return UInt8(value)
    }

    /// Characters that show nothing: format controls (zero-width space, joiners, BOM, soft hyphen,
    /// direction marks) and variation selectors.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return false }
        return scalar.properties.generalCategory == .format || (0xFE00...0xFE0F).contains(scalar.value)
            || (0xE0100...0xE01EF).contains(scalar.value)
    }

    /// What people put between the digits of a number: spaces of every width, dashes of every kind,
    /// dots, brackets and slashes.
    public static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x2F, 0x5B, 0x5D: return true
        case 0..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .dashPunctuation, .openPunctuation, .closePunctuation: return true
            default: return scalar == "·" || scalar == "。" || scalar == "．"
            }
        }
    }
}

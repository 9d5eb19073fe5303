/// Writing CSV cells the way Excel reads them back.
public enum CSVText {
    /// A cell Excel would read as a formula (it starts with =, +, - or @) prefixed with an apostrophe,
    /// so a name or a pasted value in an export can never run as one; the import drops that
    /// apostrophe again, so a reject file still imports as written.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Quotes a cell holding a comma, a quote or a line break; doubles inner quotes.
    public static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

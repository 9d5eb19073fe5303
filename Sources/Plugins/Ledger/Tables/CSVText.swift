/// Writing CSV cells the way Excel reads them back.
public enum CSVText {
    /// Quotes a cell holding a comma, a quote or a line break; doubles inner quotes.
    public static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

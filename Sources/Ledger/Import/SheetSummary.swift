/// One sheet (or the CSV file) as an import read it.
public struct SheetSummary: Sendable {
    /// nil for a CSV file.
    public var name: String?
    /// The row the headers were found on (1 unless a title sits above them).
    public var headerRow: Int
    /// The title and 填报单位-style lines above the header.
    public var description: [String]
    /// The field filled in from the sheet's name (the township), when the sheet has no column for it.
    public var fieldFromName: String?
    public var rows = 0
    public var rejected = 0
    public var skipped = 0
}

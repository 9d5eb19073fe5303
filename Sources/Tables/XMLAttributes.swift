/// A tag's attributes in the order written. SpreadsheetML's tags carry a handful at most (a cell: `r`, `s`,
/// `t`), so a short list searched in order costs far less than a dictionary built and hashed for each of a
/// million cells — the dictionary was a sixth of an .xlsx import's parse.
struct XMLAttributes: Sequence {
    typealias Element = (key: String, value: String)
    private(set) var pairs: [Element] = []

    /// The value written for `key`; the last one where a (malformed) tag repeats it, as a dictionary kept it.
    subscript(key: String) -> String? {
        pairs.last { $0.key == key }?.value
    }

    /// Empty, the room kept for the next tag.
    mutating func removeAll() {
        pairs.removeAll(keepingCapacity: true)
    }

    mutating func append(_ key: String, _ value: String) {
        // A cell's tag has three (r, s, t): room made once rather than grown twice.
        if pairs.isEmpty { pairs.reserveCapacity(4) }
        pairs.append((key, value))
    }

    func makeIterator() -> IndexingIterator<[Element]> {
        pairs.makeIterator()
    }
}

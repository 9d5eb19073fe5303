/// Texts numbered in their sorted order, so the roster compares and hashes integers instead of
/// Chinese strings (whose Unicode-correct hashing and comparison dominated a profile): an order on
/// the numbers is the order on the texts. Texts are told apart by their UTF-8 bytes, which is what
/// the workspace stores.
struct InternedText {
    private struct Key: Hashable {
        let text: String
        static func == (a: Key, b: Key) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private(set) var texts: [String] = []
    private var numbers: [Key: Int] = [:]

    /// Numbers `all` (repeats allowed); returns each one's number, in `all`'s order.
    init(numbering all: [String]) {
        var unique: [Key: Int] = [:]
        var firstOf: [String] = []
        var raw = [Int](repeating: 0, count: all.count)
        for (i, text) in all.enumerated() {
            let key = Key(text: text)
            if let n = unique[key] { raw[i] = n; continue }
            unique[key] = firstOf.count
            raw[i] = firstOf.count
            firstOf.append(text)
        }
        let order = firstOf.indices.sorted { firstOf[$0] < firstOf[$1] }
        var rank = [Int](repeating: 0, count: firstOf.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        texts = order.map { firstOf[$0] }
        numbers = unique.mapValues { rank[$0] }
        assigned = raw.map { rank[$0] }
    }

    /// The numbers given to `init`'s texts, in their order.
    private(set) var assigned: [Int] = []

    /// The number of a text, if it was numbered.
    func number(of text: String) -> Int? { numbers[Key(text: text)] }
}

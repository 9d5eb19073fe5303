/// The names, ID numbers and phones of the people being shredded, and a scrubber that takes them out
/// of free text a plugin or the engine kept (a note typed at a desk, a step's message). Numbers are
/// found as whole runs of digits, however they were typed; names as exact substrings.
public struct ShredValues: Sendable {
    public private(set) var numbers: Set<String> = []
    public private(set) var names: Set<String> = []
    private var nameLengths: [Int] = []

    public init() {}

    /// What replaces each value found in free text.
    public static let replacement = "***"

    public var isEmpty: Bool { numbers.isEmpty && names.isEmpty }

    public mutating func add(name: String?, idNumber: String?, phone: String?) {
        for number in [idNumber, phone].compactMap({ $0 }) where number.count >= 7 {
            numbers.insert(number.uppercased())
        }
        // A one-character name would take that character out of every text: such names are rare
        // and only the ledger's own column holds them, which is pseudonymised whole.
        if let name, name.count >= 2 {
            names.insert(name)
            if !nameLengths.contains(name.count) { nameLengths = (nameLengths + [name.count]).sorted(by: >) }
        }
    }

    /// `text` with every value taken out; the same text when none is in it.
    public func scrub(_ text: String) -> String {
        guard !isEmpty, !text.isEmpty else { return text }
        let characters = Array(text)
        var out = ""
        var changed = false
        var i = 0
        while i < characters.count {
            if let digitRun = digitRun(characters, from: i) {
                let run = String(characters[i..<digitRun])
                if numbers.contains(run.uppercased()) {
                    out += Self.replacement
                    changed = true
                } else {
                    out += run
                }
                i = digitRun
                continue
            }
            if let length = nameLengths.first(where: { i + $0 <= characters.count
                && names.contains(String(characters[i..<(i + $0)])) }) {
                out += Self.replacement
                changed = true
                i += length
                continue
            }
            out.append(characters[i])
            i += 1
        }
        return changed ? out : text
    }

    /// The end of the run of digits (an ID number's final X included) that starts at `start`, if one does.
    private func digitRun(_ characters: [Character], from start: Int) -> Int? {
        guard characters[start].isASCII, characters[start].isNumber else { return nil }
        if start > 0, characters[start - 1].isASCII, characters[start - 1].isNumber { return nil }
        var end = start
        while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
        if end < characters.count, characters[end] == "X" || characters[end] == "x" { end += 1 }
        return end
    }
}

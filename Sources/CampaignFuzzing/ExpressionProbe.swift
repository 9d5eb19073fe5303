import Workflow

/// The expression parser on arbitrary text: it parses or says where it stopped, inside the text;
/// what it parses evaluates; and `${{ }}` templates likewise.
enum ExpressionProbe {
    static let scope = ExpressionScope(vars: ["region": .string("城关镇"), "count": .int(3), "open": .bool(true)],
                                       stepOutputs: ["a": ["n": .int(1), "name": .string("x")]])

    static func check(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        // Offsets count Unicode scalars (as the diagnostics' columns do), not grapheme clusters.
        let length = text.unicodeScalars.count
        var problems: [String] = []
        do {
            let expression = try ExpressionParser.parse(text)
            _ = expression.evaluate(in: scope)
            _ = expression.references
        } catch {
            if error.offset < 0 || error.offset > length {
                problems.append("error offset \(error.offset) outside the \(length) scalars: \(error.message)")
            }
        }
        do {
            _ = try Template.parse(text).evaluate(in: scope)
        } catch {
            if error.offset < 0 || error.offset > length {
                problems.append("template error offset \(error.offset) outside the \(length) scalars")
            }
        }
        return problems
    }
}

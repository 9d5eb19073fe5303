import Foundation

/// The parsers a stranger's bytes reach, each fuzzed on its own: the CSV and XLSX importers (all
/// the way into the ledger), the YAML loader with validation, and the expression parser. `run`
/// returns the broken promises it saw — a crash is a finding too, caught by libFuzzer or by the
/// test run dying — so the same code serves `scripts/fuzz` and the property tests.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case csv
    case xlsx
    case yaml
    case expression
    /// The shared strings of a workbook whose cells refer to them (a long string many times over).
    case sharedstrings
    /// A walk-in typed at a staff phone: `POST /api/register`'s JSON body.
    case register
    /// A photo or camera frame: `POST /api/checkin/photo` and `/api/scan/frame`.
    case photo

    /// What went wrong for one input; empty when every promise held.
    public func run(_ bytes: [UInt8], in lab: FuzzLab) -> [String] {
        switch self {
        case .csv: lab.importTable(bytes, extension: "csv")
        case .xlsx: lab.importTable(XLSXWrapper.workbook(from: bytes), extension: "xlsx")
        case .yaml: lab.validateDefinition(bytes)
        case .expression: ExpressionProbe.check(bytes)
        case .sharedstrings: lab.importTable(XLSXWrapper.workbook(sharedStrings: bytes), extension: "xlsx")
        case .register: lab.server.map { $0.checkRegister(bytes) } ?? ["the in-process server did not start"]
        case .photo: lab.server.map { $0.checkPhoto(bytes) } ?? ["the in-process server did not start"]
        }
    }

    /// Words and fragments that matter to each parser, for the mutator (and libFuzzer's `-dict`).
    public var dictionary: [[UInt8]] {
        let words: [String]
        switch self {
        case .csv:
            words = ["\"", "\"\"", ",", "\r\n", "\n", "\r", "\u{FEFF}", "身份证号", "姓名", "手机号", "=1+1", "\u{0}",
                     "11010519491231002X", "13800138000", "\u{FFFD}", "\u{D6}\u{D0}", "脱贫人口", ";"]
        case .xlsx:
            words = ["<row r=\"", "<c r=\"", "\" t=\"s\"", "\" t=\"inlineStr\"", "<v>", "</v>", "<is><t>", "</t></is>",
                     "<si><t>", "</t></si>", "&amp;", "&#x41;", "&#0;", "<!DOCTYPE", "<![CDATA[", "ZZZZZZ5", "-1",
                     "XFD1048576", "A1048577", "</sheetData>", "<sheetData>", "\u{1}"]
        case .yaml:
            words = ["name: ", "steps:", "- id: ", "uses: ", "with: ", "needs: ", "if: ", "${{ ", " }}", "&a ", "*a",
                     "<<: *a", "timeout: ", "1e30", "inf", "retry: {attempts: ", "backoff: ", "99999999999999d", "\t",
                     "core.wait", "for: ", "vars:", "\"", "'", "? ", "!!binary", "---", "..."]
        case .expression:
            words = ["(", ")", "!", "&&", "||", "==", "!=", "<=", ">=", "vars.", "steps.", ".outputs.", "'", "\"",
                     "true", "null", "1e308", "-", "9223372036854775808", "${{", "}}"]
        case .sharedstrings:
            words = ["<si><t>", "</t></si>", "<si><r><t>", "</t></r><r><t>", "</t></r></si>", "<rPh><t>", "</t></rPh>",
                     "&amp;", "&#x41;", "&#0;", "<![CDATA[", "xml:space=\"preserve\"", "522426196601010017", "脱贫人口"]
        case .register:
            words = ["{", "}", "\"name\":", "\"id_number\":", "\"phone\":", "\"township\":", "\"groups\":", "\"gate\":",
                     "\"north\"", "522426196601010017", "18991077985", "吕林建", "null", "[]", "\\u0000", "\\ud800",
                     "\u{200B}", "１", "٣", "退役军人", "1e999"]
        case .photo:
            words = ["\u{FF}\u{D8}\u{FF}", "P5\n", "P4\n", "\u{89}PNG\r\n", "GIF89a", "255\n", "64 64\n", "99999 99999\n"]
        }
        return words.map { Array($0.utf8) }
    }
}

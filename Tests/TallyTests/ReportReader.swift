import Foundation

/// A tally as a reader finds it in one format — JSON, CSV, an XLSX read back by openpyxl, the HTML's
/// tables — in one shape, so every format can be held against the same expectation: figures by
/// measure key, rows by the label a reader sees, totals, 人数 and 其中.
struct ReadReport: Equatable {
    var funnel: [String: Int] = [:]
    var distinct: [String: Int]?
    /// 其中 by group key (JSON: all nine; the other formats: the groups present).
    var ofWhich: [String: [String: Int]]?
    var rates: [String: Double?]?
    var breakdowns: [String: [String: [String: Int]]] = [:]
    var totals: [String: [String: Int]] = [:]
    var distinctTotal: [String: Int]?

    /// The breakdowns by the name each format gives them.
    static let dimensions = ["township": "乡镇", "village": "村", "group": "人员类别", "campaign": "活动", "enterprise": "企业",
                             "posting": "岗位", "destination": "目的地企业", "platform": "报名平台"]
    static let totalLabels = ["合计", "合计（人次）"]
    static let distinctLabel = "合计（人数）"

    /// Reads a cell of a table: a number, or nil for a blank (a measure that does not apply).
    static func number(_ text: String) -> Int? { Int(text.trimmingCharacters(in: .whitespaces)) }

    // MARK: JSON

    static func json(_ data: Data) throws -> ReadReport {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let funnel = root["funnel"] as? [String: Any] else { throw PlayError("not a tally: \(String(decoding: data, as: UTF8.self))") }
        var read = ReadReport()
        read.funnel = numbers(funnel)
        read.rates = (funnel["rates"] as? [String: Any])?.mapValues { $0 as? Double }
        read.ofWhich = (funnel["of_which"] as? [String: Any])?.compactMapValues { ($0 as? [String: Any]).map(numbers) }
        read.distinct = (root["distinct_people"] as? [String: Any]).map(numbers)
        for breakdown in root["breakdowns"] as? [[String: Any]] ?? [] {
            let by = breakdown["by"] as? String ?? ""
            var rows: [String: [String: Int]] = [:]
            for row in breakdown["rows"] as? [[String: Any]] ?? [] {
                let key = row["key"] as? String ?? "", label = row["label"] as? String ?? ""
                rows[by == "posting" ? key + " " + label : label] = numbers(row["counts"] as? [String: Any] ?? [:])
            }
            read.breakdowns[by] = rows
            read.totals[by] = numbers(breakdown["total"] as? [String: Any] ?? [:])
            if let distinct = breakdown["distinct_total"] as? [String: Any] { read.distinctTotal = numbers(distinct) }
        }
        return read
    }

    /// The integer figures of a JSON line (null where a measure does not apply).
    static func numbers(_ object: [String: Any]) -> [String: Int] {
        object.compactMapValues { value in value is [String: Any] ? nil : (value as? Int) }
    }

    // MARK: CSV (Chinese headers: a measure's label)

    static func csv(_ text: String, keyOf: [String: String]) -> ReadReport {
        let lines = CSVLines.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = lines.first else { return ReadReport() }
        let keys = header.dropFirst(3).map { keyOf[$0] ?? $0 }
        let dimensionOf = Dictionary(uniqueKeysWithValues: dimensions.map { ($1, $0) })
        var read = ReadReport()
        for cells in lines.dropFirst() where cells.count >= 3 {
            var line: [String: Int] = [:]
            for (key, cell) in zip(keys, cells.dropFirst(3)) { line[key] = number(cell) }
            if cells[0] == "合计" && cells[1].isEmpty {
                read.funnel = line
            } else if let by = dimensionOf[cells[0]] {
                if read.breakdowns[by] == nil { read.breakdowns[by] = [:] }   // a breakdown without rows has its 合计
                switch cells[1] {
                case "total": read.totals[by] = line
                case "distinct": read.distinctTotal = line
                default: read.breakdowns[by, default: [:]][cells[2]] = line
                }
            }
        }
        return read
    }

    // MARK: Tables (HTML, and the workbook's sheets)

    /// A report from its tables: the funnel (measure, total, [人数], rate, 其中…) and each breakdown's.
    static func tables(funnel: [[String]], breakdowns: [String: [[String]]], keyOf: [String: String],
                       groupOf: [String: String]) -> ReadReport {
        var read = ReadReport()
        if let header = funnel.first {
            let distinctColumn = header.firstIndex(of: "人数")
            var ofWhich: [String: [String: Int]] = [:]
            for row in funnel.dropFirst() where !row.isEmpty {
                guard let key = keyOf[row[0]] else { break }
                read.funnel[key] = row.count > 1 ? number(row[1]) : nil
                if let column = distinctColumn, let value = row.count > column ? number(row[column]) : nil {
                    read.distinct = (read.distinct ?? [:]).merging([key: value]) { $1 }
                }
                for (column, title) in header.enumerated() where title.hasPrefix("其中 ") {
                    guard let group = groupOf[String(title.dropFirst(3))], row.count > column, let value = number(row[column]) else { continue }
                    ofWhich[group, default: [:]][key] = value
                }
            }
            read.ofWhich = ofWhich
        }
        for (by, table) in breakdowns {
            guard let header = table.first else { continue }
            var rows: [String: [String: Int]] = [:]
            for row in table.dropFirst() {
                guard let label = row.first, !label.isEmpty else { break }   // the notes under a sheet's table
                var line: [String: Int] = [:]
                for (column, title) in header.enumerated().dropFirst() where column < row.count {
                    if let key = keyOf[title], let value = number(row[column]) { line[key] = value }
                }
                if totalLabels.contains(row[0]) {
                    read.totals[by] = line
                } else if row[0] == distinctLabel {
                    read.distinctTotal = line
                } else {
                    rows[row[0]] = line
                }
            }
            read.breakdowns[by] = rows
        }
        return read
    }

    /// The HTML report's tables: the first under the summary, each breakdown's under its section.
    static func html(_ html: String, keyOf: [String: String], groupOf: [String: String]) -> ReadReport {
        var breakdowns: [String: [[String]]] = [:]
        var funnel: [[String]] = []
        for section in html.components(separatedBy: "<section class=\"").dropFirst() {
            let table = section.range(of: "<table>").map { HTMLTable.rows(String(section[$0.lowerBound...])) } ?? []
            if section.hasPrefix("summary") {
                funnel = table
            } else if section.hasPrefix("breakdown\" id=\"by-"), let end = section.dropFirst(18).firstIndex(of: "\"") {
                breakdowns[String(section.dropFirst(18)[..<end])] = table
            }
        }
        return tables(funnel: funnel, breakdowns: breakdowns, keyOf: keyOf, groupOf: groupOf)
    }

    /// The workbook as openpyxl read it (each sheet's rows of cell texts): the 汇总 sheet's funnel from
    /// its fourth row, each 按… sheet's table from its first.
    static func workbook(_ sheets: [String: [[String]]], keyOf: [String: String], groupOf: [String: String]) -> ReadReport {
        var breakdowns: [String: [[String]]] = [:]
        // Each sheet's table under its three title rows (title, campaigns and period, the form's line).
        for (by, name) in dimensions { if let rows = sheets["按" + name] { breakdowns[by] = Array(rows.dropFirst(3)) } }
        return tables(funnel: Array((sheets["汇总"] ?? []).dropFirst(3)), breakdowns: breakdowns, keyOf: keyOf, groupOf: groupOf)
    }
}

/// The rows of the first HTML table in a text, each a list of its cells' text (entities decoded).
enum HTMLTable {
    static func rows(_ html: String) -> [[String]] {
        guard let end = html.range(of: "</table>") else { return [] }
        let table = html[..<end.lowerBound]
        return table.components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "<t").dropFirst().compactMap { cell -> String? in
                guard cell.hasPrefix("d") || cell.hasPrefix("h"), let open = cell.firstIndex(of: ">"),
                      let close = cell.range(of: "</t") else { return nil }
                return decode(String(cell[cell.index(after: open)..<close.lowerBound]))
            }
        }
    }

    static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// RFC 4180 lines: quoted cells may hold commas, quotes (doubled) and line breaks.
enum CSVLines {
    static func parse(_ text: String) -> [[String]] {
        var lines: [[String]] = [], cells: [String] = [], cell = ""
        var quoted = false, iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                } else {
                    cell.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": cells.append(cell); cell = ""
            case "\r\n", "\n", "\r":
                cells.append(cell); cell = ""
                lines.append(cells); cells = []
            default: cell.append(c)
            }
        }
        if !cell.isEmpty || !cells.isEmpty { cells.append(cell); lines.append(cells) }
        return lines
    }
}

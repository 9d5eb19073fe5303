import Foundation
import GRDB
import Workflow

public struct PostingRecord: Sendable {
    /// The clerk's 岗位编号, upper-cased; nil when the list has none (one is generated).
    var code: String?
    var creditCode: String?
    var enterpriseName: String
    var title: String
    var openings: Int
    var salaryMin: Int?
    var salaryMax: Int?
    var location: String
    var requirements: String
}

/// Postings (岗位) of enterprises already in the ledger; keyed by enterprise and title.
public struct PostingImport: LedgerKind {
    public init() {}

    public static let actionName = "import-postings"
    public static let actionSummary = "Imports the postings of enterprises already in the ledger."
    public static let noun = "posting"
    public static let fields: [FieldSpec] = [
        FieldSpec("title", "岗位名称", aliases: ["岗位", "职位", "职位名称", "招聘岗位", "工种", "position", "title"],
                  required: true),
        FieldSpec("credit_code", "统一社会信用代码", aliases: ["信用代码", "社会信用代码", "uscc", "creditcode"]),
        FieldSpec("enterprise", "企业名称", aliases: ["单位名称", "企业", "公司名称", "用人单位", "company", "enterprise"]),
        FieldSpec("openings", "招聘人数", aliases: ["人数", "需求人数", "招聘数量", "岗位数", "openings", "positions"],
                  required: true),
        FieldSpec("salary", "薪资", aliases: ["薪酬", "工资", "月薪", "薪资待遇", "工资待遇", "薪资范围", "salary"]),
        FieldSpec("location", "工作地点", aliases: ["地点", "工作地址", "location"]),
        FieldSpec("requirements", "岗位要求", aliases: ["要求", "任职要求", "招聘条件", "requirements"]),
        FieldSpec("code", "岗位编号", aliases: ["岗位代码", "岗位码", "岗位编码", "职位编号", "postingcode", "code"]),
    ]

    /// A-Z, 0-9, - and _: what a code may hold.
    static func isCodeByte(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95
    }

    /// The longest code a booth clerk types: a list's own numbering (001, A-12, GZ2026-003).
    static let longestCode = 20

    public static func parse(_ row: RowCells) -> Result<PostingRecord, RowProblem> {
        let title = row["title"]
        if title.isEmpty { return .failure(.at(row, "title", fields: fields, ImportMessages.empty(ImportMessages.postingTitleField))) }
        var creditCode: String?
        let rawCode = row["credit_code"]
        if !rawCode.isEmpty {
            do {
                creditCode = try CreditCode(rawCode).value
            } catch {
                return .failure(.at(row, "credit_code", fields: fields, error.said(of: rawCode)))
            }
        }
        let enterprise = row["enterprise"]
        if creditCode == nil && enterprise.isEmpty {
            return .failure(.at(row, row.has("credit_code") ? "credit_code" : "enterprise", fields: fields,
                                ImportMessages.noEnterprise))
        }
        let rawOpenings = row["openings"].replacingOccurrences(of: "人", with: "").replacingOccurrences(of: "名", with: "")
        guard let openings = Int(rawOpenings.trimmingCharacters(in: .whitespaces)), openings > 0 else {
            return .failure(.at(row, "openings", fields: fields,
                                ImportMessages.notOpenings, ["value": row["openings"]]))
        }
        guard let (low, high) = SalaryRange.parse(row["salary"]) else {
            return .failure(.at(row, "salary", fields: fields,
                                ImportMessages.notSalary, ["value": row["salary"]]))
        }
        var code: String?
        let givenCode = row["code"]
        if !givenCode.isEmpty {
            let upper = givenCode.uppercased()
            guard upper.utf8.count <= longestCode, upper.utf8.allSatisfy(Self.isCodeByte) else {
                return .failure(.at(row, "code", fields: fields, ImportMessages.badPostingCode,
                                    ["value": String(givenCode.prefix(30)), "limit": String(longestCode)]))
            }
            code = upper
        }
        return .success(PostingRecord(code: code, creditCode: creditCode, enterpriseName: enterprise, title: title, openings: openings,
                                      salaryMin: low, salaryMax: high, location: row["location"],
                                      requirements: row["requirements"]))
    }

    public static func key(of record: PostingRecord) -> String {
        (record.creditCode ?? record.enterpriseName) + "\u{1F}" + record.title
    }

    public func makeWriter(_ db: Database, options: ImportOptions) throws -> PostingWriter {
        PostingWriter(db: db, options: options)
    }
}

public struct PostingWriter: LedgerWriter {
    let db: Database
    let options: ImportOptions
    public private(set) var linked = 0

    /// A code no posting in the ledger has (40 random bits make a clash rare; it is checked anyway).
    static func newCode(_ db: Database) throws -> String {
        while true {
            let code = ShortCode.make(prefix: "P", length: 6)
            if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM posting WHERE code = ?"), arguments: [code]) != true {
                return code
            }
        }
    }

    public mutating func write(_ p: PostingRecord, row: Int) throws -> Result<WriteOutcome, RowProblem> {
        let code: String
        switch try enterprise(of: p, row: row) {
        case .failure(let problem): return .failure(problem)
        case .success(let found): code = found
        }
        if let given = p.code, let taken = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT title FROM posting WHERE credit_code = ? AND code = ? AND title <> ?
            """), arguments: [code, given, p.title]) {
            return .failure(RowProblem(row: row, column: "岗位编号",
                                       reason: Message(ImportMessages.postingCodeTaken,
                                                       ["code": given, "title": taken["title"] as String]),
                                       cells: []))
        }
        let (postingID, outcome) = try store(p, enterprise: code)
        if let campaign = options.campaign { try link(p, postingID: postingID, enterprise: code, to: campaign) }
        return .success(outcome)
    }

    /// The enterprise's credit code: the one the row gives, or the one enterprise of the name it gives.
    private func enterprise(of p: PostingRecord, row: Int) throws -> Result<String, RowProblem> {
        if let creditCode = p.creditCode {
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM enterprise WHERE credit_code = ?"),
                                    arguments: [creditCode]) == true else {
                return .failure(RowProblem(row: row, column: "统一社会信用代码",
                                           reason: Message(ImportMessages.unknownCreditCode, ["code": creditCode]), cells: []))
            }
            return .success(creditCode)
        }
        let matches = try String.fetchAll(db.cachedStatement(sql: "SELECT credit_code FROM enterprise WHERE name = ?"),
                                          arguments: [p.enterpriseName])
        guard matches.count == 1 else {
            return .failure(RowProblem(row: row, column: "企业名称",
                                       reason: matches.isEmpty
                                           ? Message(ImportMessages.unknownEnterpriseName, ["name": p.enterpriseName])
                                           : Message(ImportMessages.severalEnterprisesNamed,
                                                     ["count": String(matches.count), "name": p.enterpriseName]),
                                       cells: []))
        }
        return .success(matches[0])
    }

    /// The posting inserted, updated or left as it was (an enterprise's posting is known by its title).
    private func store(_ p: PostingRecord, enterprise code: String) throws -> (Int64, WriteOutcome) {
        guard let old = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, code, openings, salary_min, salary_max, location, requirements FROM posting WHERE credit_code = ? AND title = ?
            """), arguments: [code, p.title]) else {
            try db.cachedStatement(sql: """
                INSERT INTO posting (code, credit_code, title, openings, salary_min, salary_max, location, requirements,
                                     source, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [try p.code ?? Self.newCode(db), code, p.title, p.openings,
                                         p.salaryMin, p.salaryMax, p.location, p.requirements, options.source,
                                         options.now, options.now])
            return (db.lastInsertedRowID, .inserted)
        }
        let postingID: Int64 = old["id"]
        let postingCode = p.code ?? old["code"]
        let same = old["openings"] == p.openings && old["salary_min"] == p.salaryMin && old["salary_max"] == p.salaryMax
            && old["location"] == p.location && old["requirements"] == p.requirements && old["code"] == postingCode
        if same { return (postingID, .unchanged) }
        try db.cachedStatement(sql: """
            UPDATE posting SET code = ?, openings = ?, salary_min = ?, salary_max = ?, location = ?, requirements = ?,
                source = ?, updated_at = ? WHERE id = ?
            """).execute(arguments: [postingCode, p.openings, p.salaryMin, p.salaryMax, p.location, p.requirements,
                                     options.source, options.now, postingID])
        return (postingID, .updated)
    }

    /// The campaign's own numbers: a new link takes this file's; this campaign's list loaded again with
    /// other numbers updates them; no other campaign's offer moves.
    private mutating func link(_ p: PostingRecord, postingID: Int64, enterprise code: String, to campaign: String) throws {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO campaign_posting (campaign, posting_id, openings, salary_min, salary_max)
            VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [campaign, postingID, p.openings, p.salaryMin, p.salaryMax])
        if db.changesCount > 0 {
            linked += 1
        } else {
            try db.cachedStatement(sql: """
                UPDATE campaign_posting SET openings = ?, salary_min = ?, salary_max = ?
                WHERE campaign = ? AND posting_id = ?
                  AND (openings IS NOT ? OR salary_min IS NOT ? OR salary_max IS NOT ?)
                """).execute(arguments: [p.openings, p.salaryMin, p.salaryMax, campaign, postingID,
                                         p.openings, p.salaryMin, p.salaryMax])
        }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO campaign_enterprise (campaign, credit_code) VALUES (?, ?)")
            .execute(arguments: [campaign, code])
    }
}

/// Salary cells as clerks write them: "4000-6000", "4000~6000元/月", "5000以上", "4k-6k", "面议".
enum SalaryRange {
    public static func parse(_ text: String) -> (Int?, Int?)? {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        if t.isEmpty || t.contains("面议") || t == "negotiable" { return (nil, nil) }
        var numbers: [Int] = []
        var current = ""
        for c in t + " " {
            if c.isNumber || c == "." {
                current.append(c)
                continue
            }
            if let value = Double(current) {
                let factor = c == "k" || c == "千" ? 1000.0 : c == "w" || c == "万" ? 10000.0 : 1.0
                numbers.append(Int(value * factor))
            }
            current = ""
        }
        guard !numbers.isEmpty, numbers.count <= 2, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
        if numbers.count == 2 { return (min(numbers[0], numbers[1]), max(numbers[0], numbers[1])) }
        if t.contains("以上") || t.contains("起") || t.hasSuffix("+") { return (numbers[0], nil) }
        if t.contains("以下") { return (nil, numbers[0]) }
        return (numbers[0], numbers[0])
    }
}

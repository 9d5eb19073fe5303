import Foundation
import GRDB
import Workflow

public struct EnterpriseRecord: Sendable {
    var creditCode: String
    var name: String
    var industry: String
    var contact: String
    var phone: String
    var address: String
}

/// Enterprises coming to a campaign, keyed by their unified social credit code.
public struct EnterpriseImport: LedgerKind {
    public init() {}

    public static let actionName = "import-enterprises"
    public static let actionSummary = "Imports the enterprises coming to this campaign."
    public static let noun = "enterprise"
    /// Every row that parses is written: no reason to keep its cells.
    public static let writerMayRefuse = false
    public static let fields: [FieldSpec] = [
        FieldSpec("credit_code", "统一社会信用代码", aliases: ["信用代码", "社会信用代码", "企业信用代码", "uscc", "creditcode"],
                  required: true),
        FieldSpec("name", "企业名称", aliases: ["单位名称", "企业", "公司名称", "用人单位", "enterprise", "company", "name"],
                  required: true),
        FieldSpec("industry", "行业", aliases: ["所属行业", "行业类别", "industry"]),
        FieldSpec("contact", "联系人", aliases: ["招聘联系人", "contact"]),
        FieldSpec("phone", "联系电话", aliases: ["电话", "手机号", "联系方式", "phone"]),
        FieldSpec("address", "地址", aliases: ["企业地址", "单位地址", "address"]),
    ]

    public static func parse(_ row: RowCells) -> Result<EnterpriseRecord, RowProblem> {
        let raw = row["credit_code"]
        if raw.isEmpty { return .failure(.at(row, "credit_code", fields: fields, ImportMessages.empty(ImportMessages.creditCodeField))) }
        let code: CreditCode
        do {
            code = try CreditCode(raw)
        } catch {
            return .failure(.at(row, "credit_code", fields: fields, error.said(of: raw)))
        }
        let name = row["name"]
        if name.isEmpty { return .failure(.at(row, "name", fields: fields, ImportMessages.empty(ImportMessages.enterpriseNameField))) }
        let phone = row["phone"].filter { $0.isNumber || $0 == "-" }
        return .success(EnterpriseRecord(creditCode: code.value, name: name, industry: row["industry"],
                                         contact: row["contact"], phone: phone, address: row["address"]))
    }

    public static func key(of record: EnterpriseRecord) -> String { record.creditCode }

    public func makeWriter(_ db: Database, options: ImportOptions) throws -> EnterpriseWriter {
        try EnterpriseWriter(db, options: options)
    }
}

public struct EnterpriseWriter: LedgerWriter {
    let db: Database
    let options: ImportOptions
    public private(set) var linked = 0

    init(_ db: Database, options: ImportOptions) throws {
        self.db = db
        self.options = options
    }

    public mutating func write(_ e: EnterpriseRecord, row: Int) throws -> Result<WriteOutcome, RowProblem> {
        let outcome: WriteOutcome
        if let old = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT name, industry, contact, phone, address FROM enterprise WHERE credit_code = ?
            """), arguments: [e.creditCode]) {
            let same = old["name"] == e.name && old["industry"] == e.industry && old["contact"] == e.contact
                && old["phone"] == e.phone && old["address"] == e.address
            if same {
                outcome = .unchanged
            } else {
                try db.cachedStatement(sql: """
                    UPDATE enterprise SET name = ?, industry = ?, contact = ?, phone = ?, address = ?, source = ?, updated_at = ?
                    WHERE credit_code = ?
                    """).execute(arguments: [e.name, e.industry, e.contact, e.phone, e.address, options.source, options.now,
                                             e.creditCode])
                outcome = .updated
            }
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO enterprise (credit_code, name, industry, contact, phone, address, source, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [e.creditCode, e.name, e.industry, e.contact, e.phone, e.address, options.source,
                                         options.now, options.now])
            outcome = .inserted
        }
        if let campaign = options.campaign {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO campaign_enterprise (campaign, credit_code) VALUES (?, ?)")
                .execute(arguments: [campaign, e.creditCode])
            linked += db.changesCount
        }
        return .success(outcome)
    }
}

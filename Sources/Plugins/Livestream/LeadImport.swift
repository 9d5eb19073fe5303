import Foundation
import GRDB
import Ledger
import Workflow

/// Sign-ups from a platform's export (报名线索): name, phone, the posting they want, when, and — when
/// the form asked — the ID number. The headers Douyin, Kuaishou and WeChat Channels use are known
/// (`columns:` maps others). A lead is one phone number per campaign: the same person from another
/// platform or a later export is merged into it (by phone, or by ID number), late fields fill in, and
/// nobody is counted twice. A lead who is in the ledger (by ID number, else by phone) is registered to
/// the campaign through the `livestream` channel; one with an ID number and a name who is not is added.
struct LeadImport: LedgerKind {
    struct Lead: Sendable {
        var name: String
        var phone: PhoneNumber
        var idNumber: ResidentID?
        var posting: String
        var signedAt: String
        var platform: String
    }

    static let actionName = "import-leads"
    static let actionSummary = "Imports a platform's sign-ups (报名线索), matched to the ledger and merged across platforms."
    static let noun = "lead"
    static let fields = [
        FieldSpec("name", "姓名", aliases: ["用户昵称", "昵称", "联系人", "报名人", "客户姓名", "name"]),
        FieldSpec("phone", "手机号", aliases: ["手机号码", "联系电话", "电话", "联系方式", "客户电话", "phone"], required: true),
        FieldSpec("id_number", "身份证号", aliases: ["身份证号码", "证件号码", "idnumber"]),
        FieldSpec("posting", "意向岗位", aliases: ["岗位", "岗位名称", "咨询岗位", "报名岗位", "岗位编号", "意向职位", "posting"]),
        FieldSpec("signed_at", "报名时间", aliases: ["提交时间", "留资时间", "创建时间", "线索创建时间", "time"]),
        FieldSpec("platform", "平台", aliases: ["来源平台", "来源", "渠道", "platform"]),
    ]

    /// A platform's name from the export's own words or its file name.
    static func platform(_ text: String) -> String? {
        let lower = text.lowercased()
        if lower.contains("抖音") || lower.contains("douyin") { return "抖音" }
        if lower.contains("快手") || lower.contains("kuaishou") { return "快手" }
        if lower.contains("视频号") || lower.contains("channels") || lower.contains("weixin") || lower.contains("微信") {
            return "视频号"
        }
        return nil
    }

    static func parse(_ row: RowCells) -> Result<Lead, RowProblem> {
        func text(_ field: String) -> String { TypedText.trimmed(row[field]) }
        let phone: PhoneNumber
        do {
            phone = try PhoneNumber(text("phone"))
        } catch {
            return .failure(.at(row, "phone", fields: fields, text("phone").isEmpty ? Message(LivestreamMessages.noPhone)
                                : error.said(of: text("phone"))))
        }
        var id: ResidentID?
        if !text("id_number").isEmpty {
            do {
                id = try ResidentID(text("id_number"))
            } catch {
                return .failure(.at(row, "id_number", fields: fields, error.said(of: text("id_number"))))
            }
        }
        let name = text("name")
        if name.count > 30 { return .failure(.at(row, "name", fields: fields, ImportMessages.tooLong(ImportMessages.nameField, limit: 30))) }
        let platformText = text("platform")
        return .success(Lead(name: name, phone: phone, idNumber: id, posting: text("posting"), signedAt: text("signed_at"),
                             platform: platformText.isEmpty ? "" : platform(platformText) ?? platformText))
    }

    static func key(of lead: Lead) -> String { lead.phone.value }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        let campaign = options.campaign ?? ""
        _ = try Registrations.badgeCode(db, for: campaign)   // made once here: each lead registers without looking
        // The campaign's postings by code, title and enterprise+title (each only when it names one posting).
        var postings: [String: Int64?] = [:]
        for posting in try Postings.offered(db, at: campaign) {
            for key in [posting.code, posting.title, posting.enterprise + posting.title] {
                postings[key] = postings[key] == nil ? posting.id : .some(nil)
            }
        }
        return Writer(db: db, campaign: campaign, source: options.source, now: options.now, stamp: options.now.databaseValue,
                      filePlatform: Self.platform(options.source) ?? "", postings: postings)
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        let source: String
        let now: Date
        /// `now` as stored, made once: GRDB formats a bound date with a DateFormatter each time (a seventh of a lead).
        let stamp: DatabaseValue
        let filePlatform: String
        let postings: [String: Int64?]
        var linked = 0

        mutating func write(_ lead: Lead, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            let platform = lead.platform.isEmpty ? filePlatform : lead.platform
            let posting = postings[lead.posting] ?? nil
            // The lead already known: by phone, else by ID number (the same person from another platform).
            var existing = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT \(Self.columns) FROM livestream_lead WHERE campaign = ? AND phone = ?
                """), arguments: [campaign, lead.phone.value]).map(Stored.init)
            if existing == nil, let id = lead.idNumber {
                existing = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT \(Self.columns) FROM livestream_lead WHERE campaign = ? AND id_number = ?
                    """), arguments: [campaign, id.value]).map(Stored.init)
            }
            let person = try match(lead, known: existing)
            if let existing {
                // In the order the platforms brought the lead.
                var platforms = existing.platforms.split(separator: ",").map(String.init)
                if !platform.isEmpty, !platforms.contains(platform) { platforms.append(platform) }
                let merged: [DatabaseValueConvertible?] = [
                    lead.name.isEmpty ? existing.name : lead.name,
                    lead.idNumber?.value ?? existing.idNumber,
                    platforms.joined(separator: ","),
                    posting ?? existing.posting,
                    lead.posting.isEmpty ? existing.postingText : lead.posting,
                    existing.signedAt.isEmpty || (!lead.signedAt.isEmpty && lead.signedAt < existing.signedAt)
                        ? lead.signedAt : existing.signedAt,
                    person ?? existing.person,
                ]
                try db.cachedStatement(sql: """
                    UPDATE livestream_lead SET name = ?, id_number = ?, platforms = ?, posting_id = ?, posting_text = ?,
                        signed_at = ?, person_id = ?, source = ?, updated_at = ?
                    WHERE id = ? AND (name, id_number, platforms, posting_id, posting_text, signed_at, person_id)
                        IS NOT (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: StatementArguments(merged + [source, stamp, existing.id] + merged))
                return .success(db.changesCount > 0 ? .updated : .unchanged)
            }
            try db.cachedStatement(sql: """
                INSERT INTO livestream_lead (campaign, phone, name, id_number, platforms, posting_id, posting_text, signed_at,
                                             person_id, source, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [campaign, lead.phone.value, lead.name, lead.idNumber?.value ?? "", platform, posting,
                                         lead.posting, lead.signedAt, person, source, stamp])
            return .success(.inserted)
        }

        static let columns = "id, name, id_number, platforms, posting_id, posting_text, signed_at, person_id"

        /// A stored lead, read by position (a name lookup per column showed in a profile).
        struct Stored {
            var id: Int64, name: String, idNumber: String, platforms: String, posting: Int64?, postingText: String
            var signedAt: String, person: Int64?
            init(_ row: Row) {
                id = row[0]; name = row[1]; idNumber = row[2]; platforms = row[3]; posting = row[4]; postingText = row[5]
                signedAt = row[6]; person = row[7]
            }
        }

        /// The ledger's person for the lead, registered to the campaign (livestream channel): by ID number,
        /// else by phone; added when the lead gave an ID number and a name and is not in the ledger yet.
        private mutating func match(_ lead: Lead, known: Stored?) throws -> Int64? {
            let idNumber = lead.idNumber ?? (known.flatMap { $0.idNumber.isEmpty ? nil : try? ResidentID($0.idNumber) })
            var person = try idNumber.flatMap { try People.id(db, of: $0) }
            if person == nil { person = try People.id(db, ofPhone: lead.phone) }
            if let person {
                if try Registrations.register(db, person, campaign: campaign, channel: "livestream", now: now, badgeKeyMade: true) {
                    linked += 1
                }
                return person
            }
            let name = lead.name.isEmpty ? (known?.name ?? "") : lead.name
            guard let idNumber, !name.isEmpty else { return nil }
            let added = try Registrations.registerWalkIn(
                db, WalkIn(campaign: campaign, name: name, idNumber: idNumber.value, phone: lead.phone.value, channel: "livestream"),
                now: now)
            if added.newlyRegistered { linked += 1 }
            return try People.id(db, of: idNumber)
        }
    }
}

extension ImportKind {
    public static let leads = ImportKind("leads", LeadImport(), summary: ImportKindWords.leads,
                                  needsCampaign: true)
}

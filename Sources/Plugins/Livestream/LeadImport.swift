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
        // The campaign's postings by code, title and enterprise+title (each only when it names one posting).
        var postings: [String: Int64?] = [:]
        for posting in try Postings.offered(db, at: campaign) {
            for key in [posting.code, posting.title, posting.enterprise + posting.title] {
                postings[key] = postings[key] == nil ? posting.id : .some(nil)
            }
        }
        // `now` as stored, made once: GRDB formats a bound date with a DateFormatter each time.
        let stamp = String.fromDatabaseValue(options.now.databaseValue) ?? ""
        return Writer(db: db, campaign: campaign, now: options.now, filePlatform: Self.platform(options.source) ?? "",
                      postings: postings, leads: try LeadStore(db, campaign: campaign, source: options.source, stamp: stamp),
                      registrar: try CampaignRegistrar(db, campaign: campaign, channel: "livestream", now: options.now))
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        let now: Date
        let filePlatform: String
        let postings: [String: Int64?]
        var leads: LeadStore
        let registrar: CampaignRegistrar
        var linked = 0

        mutating func write(_ lead: Lead, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            let platform = lead.platform.isEmpty ? filePlatform : lead.platform
            let posting = postings[lead.posting] ?? nil
            let existing = try leads.lead(phone: lead.phone.value, idNumber: lead.idNumber?.value)
            let person = try match(lead, known: existing)
            guard let existing else {
                try leads.add(phone: lead.phone.value, LeadStore.Fields(
                    name: lead.name, idNumber: lead.idNumber?.value ?? "", platforms: platform, posting: posting,
                    postingText: lead.posting, signedAt: lead.signedAt, person: person))
                return .success(.inserted)
            }
            // In the order the platforms brought the lead.
            var platforms = existing.platforms.split(separator: ",").map(String.init)
            if !platform.isEmpty, !platforms.contains(platform) { platforms.append(platform) }
            let merged = LeadStore.Fields(
                name: lead.name.isEmpty ? existing.name : lead.name,
                idNumber: lead.idNumber?.value ?? existing.idNumber,
                platforms: platforms.joined(separator: ","),
                posting: posting ?? existing.posting,
                postingText: lead.posting.isEmpty ? existing.postingText : lead.posting,
                signedAt: existing.signedAt.isEmpty || (!lead.signedAt.isEmpty && lead.signedAt < existing.signedAt)
                    ? lead.signedAt : existing.signedAt,
                person: person ?? existing.person)
            return .success(try leads.merge(existing, merged) ? .updated : .unchanged)
        }

        /// The ledger's person for the lead, registered to the campaign (livestream channel): by ID number,
        /// else by phone; added when the lead gave an ID number and a name and is not in the ledger yet.
        private mutating func match(_ lead: Lead, known: LeadStore.Stored?) throws -> Int64? {
            let idNumber = lead.idNumber ?? (known.flatMap { $0.idNumber.isEmpty ? nil : try? ResidentID($0.idNumber) })
            var person = try idNumber.flatMap { try registrar.person(idNumber: $0) }
            if person == nil { person = try registrar.person(phone: lead.phone) }
            if let person {
                if try registrar.register(person) { linked += 1 }
                return person
            }
            let name = lead.name.isEmpty ? (known?.name ?? "") : lead.name
            guard let idNumber, !name.isEmpty else { return nil }
            let added = try Registrations.registerWalkIn(
                db, WalkIn(campaign: campaign, name: name, idNumber: idNumber.value, phone: lead.phone.value, channel: "livestream"),
                now: now)
            if added.newlyRegistered { linked += 1 }
            return try registrar.person(idNumber: idNumber)
        }
    }
}

extension ImportKind {
    public static let leads = ImportKind("leads", LeadImport(), summary: ImportKindWords.leads,
                                  needsCampaign: true)
}

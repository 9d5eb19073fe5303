import Foundation
import GRDB
import Ledger
import Workflow

/// A list of job seekers' interview wishes (求职意向/面试志愿): who (ID number or mobile), which
/// posting (岗位编号), and the wish's rank. Rows of one person without a rank are ranked in the
/// order they come. Refused rows go to the reject file like any other import's.
struct WishImport: LedgerKind {
    struct Wish: Sendable {
        var person: String
        var posting: String
        var rank: Int?
    }

    static let actionName = "import-wishes"
    static let actionSummary = "Imports job seekers' ranked interview wishes."
    static let noun = "wish"
    static let fields = [
        FieldSpec("person", "身份证号", aliases: ["身份证号码", "手机号", "手机号码", "胸牌码", "idnumber", "phone"],
                  required: true),
        FieldSpec("posting", "岗位编号", aliases: ["岗位代码", "posting", "code"], required: true),
        FieldSpec("rank", "志愿", aliases: ["志愿顺序", "第几志愿", "rank"]),
    ]

    static func parse(_ row: RowCells) -> Result<Wish, RowProblem> {
        let person = row["person"].trimmingCharacters(in: .whitespaces)
        let posting = row["posting"].trimmingCharacters(in: .whitespaces)
        guard !person.isEmpty else { return .failure(.at(row, "person", fields: fields, Message(ImportMessages.noPersonGiven))) }
        guard !posting.isEmpty else { return .failure(.at(row, "posting", fields: fields, Message(SchedulingImportMessages.noPostingCode))) }
        let rankText = row["rank"].trimmingCharacters(in: .whitespaces)
        let chinese = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5]
        let rank = Int(rankText) ?? chinese[rankText.replacingOccurrences(of: "第", with: "")
            .replacingOccurrences(of: "志愿", with: "")]
        if !rankText.isEmpty, rank == nil || !(1...9).contains(rank!) {
            return .failure(.at(row, "rank", fields: fields, SchedulingImportMessages.notARank, ["value": rankText]))
        }
        return .success(Wish(person: person, posting: posting, rank: rank))
    }

    static func key(of wish: Wish) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(wish.person)
        hasher.combine(wish.posting)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    func makeWriter(_ db: Database, options: ImportOptions) throws -> Writer {
        Writer(db, campaign: options.campaign ?? "", source: options.source, now: options.now)
    }

    struct Writer: LedgerWriter {
        let db: Database
        let campaign: String
        let source: String
        let now: Date
        var linked: Int { 0 }
        /// Ranks given so far per person in this file, for rows without one.
        var ranked: [Int64: Int] = [:]

        init(_ db: Database, campaign: String, source: String, now: Date) {
            self.db = db
            self.campaign = campaign
            self.source = source
            self.now = now
        }

        mutating func write(_ wish: Wish, row: Int) throws -> Result<WriteOutcome, RowProblem> {
            let (_, lookup) = try PersonLookup.resolve(db, wish.person, campaign: campaign)
            let person: Int64
            switch lookup {
            case .failure(let failure):
                return .failure(RowProblem(row: row, column: "身份证号", reason: failure.message, cells: []))
            case .success(let id):
                person = id
            }
            guard try Registrations.isRegistered(db, person, campaign: campaign) else {
                return .failure(RowProblem(row: row, column: "身份证号", reason: Message(ImportMessages.notRegistered,
                                           ["person": Masking.scrub(wish.person), "campaign": campaign]), cells: []))
            }
            let posting: PostingSummary
            switch try Postings.lookup(db, code: wish.posting, campaign: campaign) {
            case .found(let found, offered: true): posting = found
            case .found(_, offered: false):
                return .failure(RowProblem(row: row, column: "岗位编号", reason: Message(
                    SchedulingImportMessages.postingNotOffered, ["posting": wish.posting, "campaign": campaign]), cells: []))
            case .ambiguous(let many):
                return .failure(RowProblem(row: row, column: "岗位编号", reason: Message(
                    SchedulingImportMessages.postingCodeShared,
                    ["count": String(many.count), "campaign": campaign, "posting": wish.posting]), cells: []))
            case .none:
                return .failure(RowProblem(row: row, column: "岗位编号", reason: Message(
                    SchedulingImportMessages.noSuchPosting, ["posting": wish.posting]), cells: []))
            }
            let rank = wish.rank ?? (ranked[person, default: 0] + 1)
            ranked[person] = max(ranked[person, default: 0], rank)
            try db.execute(sql: """
                INSERT INTO schedule_wish (campaign, person_id, posting_id, rank, source, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (campaign, person_id, posting_id) DO UPDATE SET rank = excluded.rank, source = excluded.source
                WHERE rank <> excluded.rank
                """, arguments: [campaign, person, posting.id, rank, source, now])
            return .success(db.changesCount > 0 ? .inserted : .unchanged)
        }
    }
}

extension ImportKind {
    static let wishes = ImportKind("wishes", WishImport(), summary: ImportKindWords.wishes,
                                   needsCampaign: true)
}

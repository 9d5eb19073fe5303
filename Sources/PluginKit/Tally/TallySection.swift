import GRDB
import Workflow

/// A registered person's level in a section: 1 for "came", the furthest outcome stage, …
/// Lists of them come sorted by person, each person once.
public struct PersonLevel: Sendable, Equatable {
    public var person: Int64
    public var level: Int

    public init(person: Int64, level: Int) {
        self.person = person
        self.level = level
    }
}

/// A person's level with one posting (an interview, a placement there), for the enterprise and
/// posting breakdowns. Lists come sorted by person.
public struct PostingLevel: Sendable, Equatable {
    public var person: Int64
    public var posting: Int64
    public var level: Int

    public init(person: Int64, posting: Int64, level: Int) {
        self.person = person
        self.posting = posting
        self.level = level
    }
}

/// What a plugin adds to tallies: its measures, and for one campaign at a time the numbers behind
/// them. The tally merges every section's lists with the campaign's registrations in one pass, so a
/// section reads only its own tables (through an index sorted by person) and never joins another's.
public protocol TallySection: Sendable {
    /// Its measures, in funnel order.
    var measures: [TallyMeasure] { get }
    /// Breakdowns it adds (`tally --by destination`): people grouped by something only it knows.
    var groupings: [TallyGrouping] { get }
    /// For one of its `groupings` and one campaign: each registered person's group (people not listed
    /// are in none).
    func groups(_ grouping: String, campaign: String, db: Database) throws -> [Int64: String]
    /// Whether the tally of these campaigns shows this section: a plugin that only some campaigns use
    /// (buses) stays out of the others' reports instead of adding columns of zeros.
    func applies(to campaigns: [String], db: Database) throws -> Bool
    /// The campaign measures' values for one campaign.
    func campaignValues(campaign: String, db: Database) throws -> [String: Int]
    /// Each registered person's level in one campaign, sorted by person; people not listed have level 0.
    func personLevels(campaign: String, db: Database) throws -> [PersonLevel]
    /// Levels per posting in one campaign, sorted by person; nil when the measures are not tied to postings.
    func postingLevels(campaign: String, db: Database) throws -> [PostingLevel]?
    /// A list of people a manager may ask for with the tally (`--list-placed`), or nil.
    var personList: TallyPersonList? { get }
    /// That list's rows for the campaigns tallied, personal data masked.
    func personListRows(campaigns: [String], db: Database) throws -> [TallyPersonList.Row]
}

extension TallySection {
    public var groupings: [TallyGrouping] { [] }
    public func groups(_ grouping: String, campaign: String, db: Database) throws -> [Int64: String] { [:] }
    public func applies(to campaigns: [String], db: Database) throws -> Bool { true }
    public func campaignValues(campaign: String, db: Database) throws -> [String: Int] { [:] }
    public func personLevels(campaign: String, db: Database) throws -> [PersonLevel] { [] }
    public func postingLevels(campaign: String, db: Database) throws -> [PostingLevel]? { nil }
    public var personList: TallyPersonList? { nil }
    public func personListRows(campaigns: [String], db: Database) throws -> [TallyPersonList.Row] { [] }
}

/// A breakdown a plugin adds to tallies: its key for `--by` and `by:`, and its name in each
/// language — an entry of the message catalogue.
public typealias TallyGrouping = MessageText

/// A list of people shown with a tally when a manager asks for it (the placed job seekers).
public struct TallyPersonList: Sendable {
    public struct Column: Sendable {
        public let zh: String
        public let en: String

        public init(zh: String, en: String) {
            self.zh = zh
            self.en = en
        }
    }

    /// One person: the cells of the table in each language, and the fields of the JSON report.
    public struct Row: Sendable {
        public let cells: (zh: [String], en: [String])
        public let json: [String: String]

        public init(zh: [String], en: [String], json: [String: String]) {
            cells = (zh, en)
            self.json = json
        }
    }

    /// The JSON report's key for the list (null there when it was not asked for).
    public let key: String
    public let zh: String
    public let en: String
    /// The workbook's sheet name.
    public let sheet: (zh: String, en: String)
    public let columns: [Column]

    public init(key: String, zh: String, en: String, sheet: (zh: String, en: String), columns: [Column]) {
        self.key = key
        self.zh = zh
        self.en = en
        self.sheet = sheet
        self.columns = columns
    }

    public func title(_ lang: TallyLanguage) -> String { lang == .zh ? zh : en }
}

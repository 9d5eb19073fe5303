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
    /// The kinds of campaign its measures mean something for (a bus campaign has no interviews, a
    /// livestream no gate): in a campaign of another kind they are not counted and not shown, and a
    /// year across kinds shows each where it applies. Nil: every kind.
    var campaignKinds: Set<CampaignKind>? { get }
    /// Breakdowns it adds (`tally --by destination`): people grouped by something only it knows.
    var groupings: [TallyGrouping] { get }
    /// For one of its `groupings` and one campaign: each registered person's groups — one, or several
    /// where the grouping says people may stand in several (people not listed are in none).
    func groups(_ db: Database, _ grouping: String, campaign: String) throws -> [Int64: [String]]
    /// For one of its `groupings` and one campaign: its campaign measures counted per group (leads per
    /// platform), by group and measure key; empty when the grouping counts people only.
    func groupCounts(_ db: Database, _ grouping: String, campaign: String) throws -> [String: [String: Int]]
    /// Whether a campaign of kind `other` (a definition without `kind:`) shows this section: by what
    /// it holds, so a plugin that only some campaigns use (buses) stays out of the others' reports.
    /// Campaigns of a declared kind follow `campaignKinds`.
    func applies(_ db: Database, to campaigns: [String]) throws -> Bool
    /// The campaign measures' values for one campaign.
    func campaignValues(_ db: Database, campaign: String) throws -> [String: Int]
    /// Each registered person's level in one campaign, sorted by person; people not listed have level 0.
    func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel]
    /// Levels per posting in one campaign, sorted by person; nil when the measures are not tied to postings.
    func postingLevels(_ db: Database, campaign: String) throws -> [PostingLevel]?
    /// A list of people a manager may ask for with the tally (`--list-placed`), or nil.
    var personList: TallyPersonList? { get }
    /// That list's rows for the campaigns tallied, personal data masked.
    func personListRows(_ db: Database, campaigns: [String]) throws -> [TallyPersonList.Row]
}

extension TallySection {
    public var campaignKinds: Set<CampaignKind>? { nil }
    public var groupings: [TallyGrouping] { [] }
    public func groups(_ db: Database, _ grouping: String, campaign: String) throws -> [Int64: [String]] { [:] }
    public func groupCounts(_ db: Database, _ grouping: String, campaign: String) throws -> [String: [String: Int]] { [:] }
    public func applies(_ db: Database, to campaigns: [String]) throws -> Bool { true }
    public func campaignValues(_ db: Database, campaign: String) throws -> [String: Int] { [:] }
    public func personLevels(_ db: Database, campaign: String) throws -> [PersonLevel] { [] }
    public func postingLevels(_ db: Database, campaign: String) throws -> [PostingLevel]? { nil }
    public var personList: TallyPersonList? { nil }
    public func personListRows(_ db: Database, campaigns: [String]) throws -> [TallyPersonList.Row] { [] }
}

/// A breakdown a plugin adds to tallies: its key for `--by` and `by:`, its name in each language,
/// whether one person may stand in several of its rows (a lead brought by two platforms) — then its
/// 合计 counts them once and may be less than the rows' sum, and the report says so — and the campaign
/// measures it counts per group beside the people (leads per platform: `groupCounts`).
public struct TallyGrouping: Sendable, Hashable {
    public let key: String
    /// Its name (平台): a catalogue entry, `tally.by.platform`.
    public let words: MessageText
    public var zh: String { words.zh }
    public var en: String { words.en }
    public let overlapping: Bool
    public let counts: [String]

    public init(_ key: String, zh: String, en: String, overlapping: Bool = false, counts: [String] = []) {
        self.key = key
        words = MessageText("tally.by.\(key)", zh: zh, en: en)
        self.overlapping = overlapping
        self.counts = counts
    }
}

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

    public func title(_ lang: Language) -> String { lang == .zh ? zh : en }
}

extension TallySection {
    /// The names it shows — its measures', their rates' and its breakdowns' — as catalogue entries, so
    /// the catalogue's checks (both languages, no key twice) cover them too.
    public var words: [MessageText] {
        measures.map(\.words) + measures.compactMap { $0.breakdownRate?.words } + groupings.map(\.words)
    }
}

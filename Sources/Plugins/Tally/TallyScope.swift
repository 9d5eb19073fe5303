import GRDB
import Ledger
import PluginKit
import Workflow

/// What a tally counts and where each measure applies: the campaigns, the sections that apply to at
/// least one of them, and for each campaign the measures that mean something for its kind. A bus
/// campaign has no interviews and a livestream no gate, so their reports leave those out instead of
/// printing zeros; a year across kinds counts each measure over the campaigns it applies to.
struct TallyScope {
    let campaigns: [TallyReport.CampaignInfo]
    /// The sections shown: the ledger's own first, then each plugin's that applies somewhere.
    let sections: [any TallySection]
    /// Whether each shown section applies to each campaign: `[section][campaign]`.
    let sectionApplies: [[Bool]]
    /// Every measure shown, in funnel order.
    let measures: [TallyMeasure]
    /// The keys of the measures that apply to each campaign, by the campaign's index.
    let applying: [Set<String>]

    var names: [String] { campaigns.map(\.name) }
    var peopleMeasures: [TallyMeasure] { measures.filter { $0.threshold != nil } }

    init(_ db: Database, _ campaigns: [TallyReport.CampaignInfo], plugins: [any TallySection]) throws {
        self.campaigns = campaigns
        var sections: [any TallySection] = []
        var applies: [[Bool]] = []
        for section in [LedgerSection() as any TallySection] + plugins {
            var row: [Bool] = []
            for campaign in campaigns { row.append(try Self.section(db, section, appliesTo: campaign)) }
            // A period in which no campaign was held is a tally of zeros, of the sections every tally has.
            let empty = try campaigns.isEmpty && section.applies(db, to: [])
            guard row.contains(true) || empty else { continue }
            sections.append(section)
            applies.append(row)
        }
        var applying = [Set<String>](repeating: [], count: campaigns.count)
        for (s, section) in sections.enumerated() {
            for (c, campaign) in campaigns.enumerated() where applies[s][c] {
                for measure in section.measures where measure.applies(toKind: campaign.kind) { applying[c].insert(measure.key) }
            }
        }
        self.sections = sections
        self.sectionApplies = applies
        self.applying = applying
        let anywhere = applying.reduce(into: Set<String>()) { $0.formUnion($1) }
        measures = sections.flatMap(\.measures).filter { campaigns.isEmpty || anywhere.contains($0.key) }
    }

    /// A section applies to a campaign of a declared kind when it lists the kind; to a campaign of
    /// kind `other` (no `kind:` in its definition) when it holds something of it.
    static func section(_ db: Database, _ section: any TallySection,
                        appliesTo campaign: TallyReport.CampaignInfo) throws -> Bool {
        guard campaign.kind == .other else { return section.campaignKinds?.contains(campaign.kind) ?? true }
        return try section.applies(db, to: [campaign.name])
    }

    func applies(_ measure: TallyMeasure, toCampaign index: Int) -> Bool { applying[index].contains(measure.key) }

    /// The shown sections that apply to a campaign, by its index.
    func sections(of index: Int) -> [any TallySection] {
        sections.indices.filter { sectionApplies[$0][index] }.map { sections[$0] }
    }

    /// The index of the section that declares a measure.
    func sectionIndex(of measure: TallyMeasure) -> Int? { sections.firstIndex { $0.measures.contains(measure) } }

    /// The indexes of the campaigns a section applies to.
    func campaignIndexes(of section: Int) -> [Int] { campaigns.indices.filter { sectionApplies[section][$0] } }

    /// The pairs (measure, the measure it is divided by) of every rate a report shows.
    var ratePairs: [(part: String, whole: String)] {
        measures.flatMap { measure in
            (measure.ratesOf + [measure.breakdownRate?.of].compactMap { $0 }).map { (measure.key, $0) }
        }
    }
}

extension TallyMeasure {
    /// Whether the measure means something for a campaign of this kind (its section applying).
    func applies(toKind kind: CampaignKind) -> Bool {
        kind == .other || (kinds?.contains(kind) ?? true)
    }
}

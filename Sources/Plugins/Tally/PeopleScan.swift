import Foundation
import GRDB
import Ledger
import PluginKit
import Workflow

/// The people side of a tally, in one pass per campaign. The campaign's registrations, sorted by
/// person, are merged with each plugin section's levels (sorted by person too: who came, how far
/// each got); every registration then adds the people measures it reaches to the cell of its
/// (campaign, place, target groups). The funnel and every person breakdown are sums of those
/// cells, so three breakdowns cost what one does, and no section ever joins another's tables.
///
/// Places come from one sequential read of the ledger — on a second connection when a pool is
/// given, so both cores work — when the campaigns register a good part of it; for a small
/// campaign in a large ledger, from an indexed lookup per registered person. Anyone the second
/// connection did not see (registered a moment after) is looked up on the caller's connection.
enum PeopleScan {
    /// The counts of one (campaign, place, target groups) cell, one per people measure.
    struct Group {
        var campaign: String
        /// The campaign's index in the tally.
        var campaignIndex: Int
        var township: String
        var village: String
        /// Where the place first appears in the ledger (its people in the order they were entered):
        /// the county's own order of townships and villages, which reports keep.
        var placeOrder: Int
        var groups: TargetGroupSet
        var counts: [Int]
    }

    /// What a cell is: a campaign (its index), a place (its index) and a set of target groups.
    private struct CellKey {
        var campaign: Int32
        var place: Int32
        var groups: TargetGroupSet
    }

    /// A campaign's registrations (sorted by person) and each section's levels (sorted by person; none
    /// where the section does not apply to the campaign's kind), as read from the workspace.
    struct Stream {
        var people: [Int64]
        var levels: [[PersonLevel]]
    }

    static func groups(_ db: Database, _ scope: TallyScope, strategy: TallyQuery.PeopleStrategy,
                       parallel pool: DatabasePool?) throws -> [Group] {
        try scan(db, scope, strategy: strategy, parallel: pool).groups
    }

    /// The cells, and the streams they were counted from (the people counted once across campaigns
    /// are counted from the same streams, not read a second time).
    ///
    /// `meanwhile` is given the streams as soon as they are read, while the places may still be
    /// read on the other connection: work that needs no places fills the wait.
    static func scan(_ db: Database, _ scope: TallyScope, strategy: TallyQuery.PeopleStrategy,
                     parallel pool: DatabasePool?,
                     meanwhile: ([Stream]) throws -> Void = { _ in }) throws -> (groups: [Group], streams: [Stream]) {
        let campaigns = scope.names, measures = scope.peopleMeasures, sections = scope.sections
        // Which section each measure reads its level from (-1: the registration itself) and the level it needs.
        let sectionOf = measures.map { scope.sectionIndex(of: $0) ?? -1 }
        let thresholds = measures.map { Int32($0.threshold ?? 0) }
        let scanAll: Bool
        switch strategy {
        case .scan: scanAll = true
        case .join: scanAll = false
        case .automatic:
            // Counted only as far as the choice needs: the ledger's read starts the sooner.
            let enough = max((Int(try People.highestID(db)) + 7) / 8, 10_001)   // an eighth of the ledger, and more than 10,000
            scanAll = try Registrations.count(db, campaigns: campaigns, upTo: enough) >= enough
        }
        let pending = scanAll ? pool.map { pool in Pending { try pool.read { db in try PersonPlaces.load(db) } } } : nil
        var streams: [Stream] = []
        for (c, campaign) in campaigns.enumerated() {
            // A section that does not apply to the campaign's kind gives its people no level there.
            streams.append(Stream(people: try Registrations.registeredPeople(db, campaign: campaign),
                                  levels: try sections.indices.map { s in
                                      scope.sectionApplies[s][c] ? try sections[s].personLevels(db, campaign: campaign) : []
                                  }))
        }
        try meanwhile(streams)
        var people = scanAll ? try pending?.value() ?? PersonPlaces.load(db) : PersonPlaces.empty
        let lookUp = try PersonPlaces.lookUpStatement(db)

        let width = measures.count
        var cellKeys: [CellKey] = []
        var counts: [Int] = []
        for (index, stream) in streams.enumerated() {
            // Each section's level for each registration, aligned with the registrations.
            let aligned = stream.levels.map { Self.align($0, to: stream.people) }
            var cellIndex = CellIndex()
            for (r, person) in stream.people.enumerated() {
                var place = people.place(of: Int(person))
                if place < 0 { place = try people.lookUp(Int(person), with: lookUp) }
                let groups = people.groups[Int(person)]
                let (cell, isNew) = cellIndex.cell(of: CellIndex.key(place: place, groups: groups.rawValue), new: cellKeys.count)
                if isNew {
                    cellKeys.append(CellKey(campaign: Int32(index), place: place, groups: groups))
                    counts += repeatElement(0, count: width)
                }
                for m in 0..<width where sectionOf[m] < 0 || aligned[sectionOf[m]][r] >= thresholds[m] {
                    counts[cell * width + m] += 1
                }
            }
        }
        let groups = cellKeys.enumerated().map { cell, key in
            let place = people.places[Int(key.place)]
            return Group(campaign: campaigns[Int(key.campaign)], campaignIndex: Int(key.campaign), township: place.township, village: place.village,
                         placeOrder: Int(key.place), groups: key.groups,
                         counts: Array(counts[cell * width..<(cell + 1) * width]))
        }
        return (groups, streams)
    }
}

extension PeopleScan {
    /// A section's levels (sorted by person) laid against the registrations (sorted by person):
    /// the level of each registration, 0 for people the section does not list.
    static func align(_ levels: [PersonLevel], to people: [Int64]) -> [Int32] {
        var aligned = [Int32](repeating: 0, count: people.count)
        var l = 0
        for (r, person) in people.enumerated() {
            while l < levels.count && levels[l].person < person { l += 1 }
            if l < levels.count && levels[l].person == person { aligned[r] = Int32(levels[l].level) }
        }
        return aligned
    }
}

/// Work started on its own thread now, its result waited for later.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    func value() throws -> Value {
        done.wait()
        done.signal()   // later callers get it too
        return try result!.get()
    }
}

import CampaignTesting
import Foundation
import GRDB
import Outcomes
import PluginKit
import Province
import Tally
import Workflow

/// A county for the province's tests: the outcome fixture's fair (five people in two townships,
/// three target groups) with its own acts, publishing as `code`.
struct County {
    let code: String
    let name: String
    let fixture: OutcomeFixture

    init(_ code: String, _ name: String) async throws {
        self.code = code
        self.name = name
        fixture = try await OutcomeFixture()
    }

    var publisher: Publisher { Publisher(pool: fixture.pool, sections: OutcomeFixture.sections) }

    /// The province's key every county of a test shares.
    static let provinceKey = Data("the province's 32-byte test key!".utf8)

    @discardableResult
    func publish(to address: String, withPseudonyms: Bool = false) async throws -> Publisher.Outcome {
        let publisher = Publisher(pool: fixture.pool, sections: OutcomeFixture.sections, personKey: withPseudonyms ? Self.provinceKey : nil)
        let (code, name, now) = (code, name, fixture.now)
        return try await ProvinceView.withStore(address) { store in
            try await publisher.publish(to: store, code: code, name: name, campaign: nil, now: now)
        }
    }

    /// The county's own tally of its fair: the figures the province must add up to.
    func ownFunnel() async throws -> TallyCounts {
        try await fixture.tally().funnel
    }
}

enum ProvinceView {
    static func withStore<T: Sendable>(_ address: String, _ body: (ProvinceStore) async throws -> T) async throws -> T {
        try await ProvinceStore.using(try ProvinceAddress(address), body)
    }

    static func tally(_ address: String, by: [TallyDimension] = [ProvinceTally.county]) async throws -> ProvinceTally.Result {
        try await withStore(address) { store in
            try await ProvinceTally.run(store, from: nil, to: nil, breakdowns: by, sections: OutcomeFixture.sections, now: Date())
        }
    }
}

import GRDB
import Ledger
import PluginKit
import Workflow

/// The ledger's own part of every tally, counted like a plugin's section: the campaigns, what they
/// offered (enterprises, postings, positions — for the kinds that offer postings) and who registered.
struct LedgerSection: TallySection {
    var measures: [TallyMeasure] { LedgerMeasures.all }

    /// One campaign, and what it offered where its kind offers postings.
    func campaignValues(_ db: Database, campaign: String) throws -> [String: Int] {
        let offer = try Postings.offer(db, of: campaign)
        return [LedgerMeasures.campaigns.key: 1, LedgerMeasures.enterprises.key: offer.enterprises,
                LedgerMeasures.postings.key: offer.postings, LedgerMeasures.positions.key: offer.positions]
    }
}

import Foundation
import GRDB
import Ledger
import Workflow

/// Enterprises attend a fair when their booth is checked in: the enterprise's credit code scanned
/// or typed at the gate (the same input as a badge), or `campaign attend-enterprise` at the desk.
/// Invited enterprises (linked to the campaign by an import) that never checked in stay invited
/// only: the tally counts both.
public enum EnterpriseCheckIns {
    /// Whether what was scanned is an enterprise's credit code rather than a person's badge, ID or phone.
    /// On every scan, so the cheap tests come first: only 18 characters can be a credit code, and
    /// only one whose first 17 are digits can also be an ID number (the person's lookup wins then).
    static func looksLikeEnterprise(_ input: String) -> Bool {
        let text = TypedText.trimmed(input)
        guard text.utf8.count == 18 else { return false }
        if text.utf8.prefix(17).allSatisfy({ $0 >= 48 && $0 <= 57 }), (try? ResidentID(text)) != nil { return false }
        return (try? CreditCode(text)) != nil
    }

    /// Checks an enterprise in (by credit code or exact name) and answers as a scan is answered.
    public static func checkIn(_ db: Database, _ enterprise: String, campaign: String, gate: String, staff: String,
                               now: Date) throws -> ScanAnswer {
        func answer(_ result: ScanAnswer.Result, _ message: Message, name: String? = nil) -> ScanAnswer {
            ScanAnswer(result: result, message: message, maskedName: name, maskedID: nil, groups: [], replayed: false)
        }
        let zone = try RunQueries.requireRun(db, campaign).timeZone
        let found: EnterpriseSummary
        if let exact = try Enterprises.find(db, enterprise, campaign: campaign) {
            found = exact
        } else {
            // A unique part of a name is enough (昆山精工); several matches are named, not guessed between.
            let named = try Enterprises.named(db, like: enterprise, campaign: campaign)
            guard named.count == 1 else {
                return answer(.rejected, named.isEmpty
                              ? Message(CheckinMessages.unknownEnterprise, ["enterprise": String(enterprise.prefix(40))])
                              : Message(CheckinMessages.enterpriseAmbiguous, ["enterprise": String(enterprise.prefix(40)),
                                                                             "names": named.map(\.name).joined(separator: "、")]))
            }
            found = named[0]
        }
        guard found.invited else {
            return answer(.rejected, Message(CheckinMessages.enterpriseNotInvited, ["name": found.name, "campaign": campaign]),
                          name: found.name)
        }
        if let first = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT gate, checked_in_at FROM enterprise_checkin WHERE campaign = ? AND credit_code = ?
            """), arguments: [campaign, found.creditCode]) {
            let at: Date = first["checked_in_at"]
            let firstGate: String = first["gate"]
            let time = String(TimeFormats.display(at, timeZone: zone).suffix(5))
            return answer(.repeat_, firstGate.isEmpty ? Message(CheckinMessages.enterpriseRepeat, ["time": time])
                            : Message(CheckinMessages.enterpriseRepeatAtGate,
                                      ["time": time, "gate": try Scans.gateNames(db, campaign: campaign)[firstGate] ?? firstGate]),
                          name: found.name)
        }
        try db.cachedStatement(sql: """
            INSERT INTO enterprise_checkin (campaign, credit_code, gate, staff, checked_in_at) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [campaign, found.creditCode, gate, staff, now])
        return answer(.accepted, Message(CheckinMessages.enterpriseCheckedIn), name: found.name)
    }

    /// How many of the campaign's enterprises checked in.
    public static func count(_ db: Database, campaign: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM enterprise_checkin WHERE campaign = ?", arguments: [campaign]) ?? 0
    }
}

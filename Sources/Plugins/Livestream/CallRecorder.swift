import Foundation
import GRDB
import Ledger
import Outcomes
import Workflow

/// Records what a call-back came to. A booked interview becomes an outcome of the campaign (the
/// lead's person, the posting they wanted or the one named), said as not checked in at a gate — a
/// livestream has none — so the tally counts it beside a fair's. A lead who gives their ID number on
/// the phone is added to the ledger (or found there) and registered through the livestream channel.
public enum CallRecorder {
    public struct Answer: Sendable, Equatable {
        public var call: Int64
        public var lead: String
        public var status: CallStatus
        public var outcome: String?
    }

    public static func record(_ db: Database, call id: Int64, status: CallStatus, campaign: String, staff: String?, note: String,
                              posting: String?, idNumber: String?, now: Date) throws -> Answer {
        guard status != .open else { throw WorkflowError.usage(CallMessages.recordAs()) }
        guard let call = try LivestreamRecords.call(db, id: id, campaign: campaign) else {
            throw WorkflowError.usage(CallMessages.noCall(["id": "\(id)", "campaign": campaign]), hint: CallMessages.callsList(["campaign": campaign]))
        }
        guard call.status == .open else {
            throw WorkflowError.usage(Message(CallMessages.alreadyRecorded, ["id": "\(id)"], words: ["status": Message(call.status.label)]),
                                      hint: CallMessages.comesBack())
        }
        if let staff, !call.staff.isEmpty, call.staff != staff {
            throw WorkflowError.usage(CallMessages.someoneElses(["id": "\(id)", "owner": call.staff, "staff": staff]))
        }
        guard var lead = try LivestreamRecords.leads(db, campaign: campaign).first(where: { $0.id == call.leadID }) else {
            throw WorkflowError.internal("call \(id) has no lead")
        }
        if let idNumber, !idNumber.isEmpty {
            guard !lead.name.isEmpty else {
                throw WorkflowError.usage(CallMessages.noName())
            }
            // The caller adds the person or fills blanks; what the ledger holds stays (a manager changes it).
            _ = try Registrations.registerWalkIn(db, WalkIn(campaign: campaign, name: lead.name, idNumber: idNumber,
                                                        phone: lead.phone, channel: "livestream",
                                                        by: StaffMember(name: staff ?? call.staff, role: .staff)), now: now)
            let id = try ResidentID(idNumber)
            lead.personID = try People.id(db, of: id)
            try db.execute(sql: "UPDATE livestream_lead SET id_number = ?, person_id = ?, updated_at = ? WHERE id = ?",
                           arguments: [id.value, lead.personID, now, lead.id])
        }
        var outcome: String?
        if status == .booked {
            guard let person = lead.personID, let summary = try People.summary(db, id: person) else {
                throw WorkflowError.usage(CallMessages.notInLedger(), hint: CallMessages.askID())
            }
            let code = try posting ?? lead.postingID.flatMap { try Postings.summaries(db, ids: [$0])[$0]?.code }
            guard let code else {
                throw WorkflowError.usage(CallMessages.noPosting(["campaign": campaign, "text": lead.postingText]),
                                          hint: CallMessages.sayPosting(["campaign": campaign]))
            }
            let result = try OutcomeRecorder.record(
                db, OutcomeEntry(campaign: campaign, person: summary.idNumber, posting: code, stage: .interviewed,
                             note: note.isEmpty ? "直播回访约面试 / booked on a livestream call-back" : note,
                             recordedBy: staff ?? call.staff, source: "livestream call", notAttended: true),
                now: now)
            outcome = "\(result.posting) \(result.enterprise)"
        }
        try db.execute(sql: "UPDATE livestream_call SET status = ?, note = ?, updated_at = ? WHERE id = ?",
                       arguments: [status.rawValue, note, now, id])
        return Answer(call: id, lead: Masking.name(lead.name) + " " + Masking.phone(lead.phone), status: status, outcome: outcome)
    }
}

import Foundation
import GRDB
import Workflow

/// A job seeker registering at the fair's desk (现场登记).
public struct WalkIn: Sendable {
    public var campaign: String
    public var name: String
    public var idNumber: String
    public var phone: String?
    public var township: String?
    public var village: String?
    public var groups: String?
    /// How they came: walk-in at the desk, or livestream (a viewer who signed up).
    public var channel: String
    /// Who registers them: a staff account (the page, `--staff`), or nil — the workspace's owner at
    /// its own terminal. A person already in the ledger is changed only by a manager or the owner.
    public var by: StaffMember?

    public init(campaign: String, name: String, idNumber: String, phone: String? = nil, township: String? = nil,
                village: String? = nil, groups: String? = nil, channel: String = "walk-in", by: StaffMember? = nil) {
        self.channel = channel
        self.by = by
        self.campaign = campaign
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
        self.township = township
        self.village = village
        self.groups = groups
    }
}

public struct WalkInResult: Sendable {
    public var code: String
    /// False when the person was already registered for the campaign (the existing code is returned).
    public var newlyRegistered: Bool
    /// What the desk typed, masked: never what the ledger holds of someone already in it.
    public var maskedName: String
    public var maskedID: String
    public var groups: [String]
    /// Fields typed for someone already in the ledger that differ from what it holds and were left as
    /// they are (the desk's account may not change them): `name`, `phone`, `township`, `village`, `groups`.
    public var withheld: [String] = []
    /// Fields of someone already in the ledger that this registration changed (recorded in the audit log).
    public var changed: [String] = []
}

extension Registrations {
    /// Registers a walk-in: validates what the desk typed, adds or updates the person (recording
    /// changes) and returns the badge code — the existing one if they were registered already.
    /// What the desk typed wrong is an `InputRefusal` naming the field (`id_number`, `name`, `phone`, `groups`).
    public static func registerWalkIn(_ db: Database, _ walkIn: WalkIn, now: Date) throws -> WalkInResult {
        try Registrations.requireOpenCampaign(db, walkIn.campaign)
        let id: ResidentID
        do {
            id = try ResidentID(walkIn.idNumber)
        } catch {
            throw InputRefusal(field: "id_number", error.said(of: walkIn.idNumber), hint: Message(WalkInMessages.checkIDCard))
        }
        for (field, value) in [("name", walkIn.name), ("township", walkIn.township ?? ""), ("village", walkIn.village ?? "")] {
            try requireTypedText(value, field: field)
        }
        let name = walkIn.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw InputRefusal(field: "name", ImportMessages.empty(ImportMessages.nameField)) }
        var phone: String?
        if let raw = walkIn.phone, !raw.isEmpty {
            do {
                phone = try PhoneNumber(raw).value
            } catch {
                throw InputRefusal(field: "phone", error.said(of: raw))
            }
        }
        var groups: TargetGroupSet?
        if let raw = walkIn.groups, !raw.isEmpty {
            let (parsed, unknown) = TargetGroup.parseList(raw)
            if let label = unknown.first {
                // Echoed masked: a group typed with an ID or phone number in it must not show it back.
                throw InputRefusal(field: "groups", Message(WalkInMessages.unknownGroup, ["label": Masking.scrub(label)]),
                                   hint: Message(WalkInMessages.useGroups,
                                                 [:], words: ["known": TargetGroup.known]))
            }
            groups = parsed
        }
        // What the desk did not type stays as the ledger has it (the writer never erases with blanks).
        var record = PersonRecord(idNumber: id, name: name, phone: phone, township: walkIn.township ?? "",
                                  village: walkIn.village ?? "", groups: groups ?? [], skills: "", desiredJob: "")
        let stored = try People.id(db, of: id).flatMap { try People.summary(db, id: $0) }
        let review = stored.map { WalkInReview(typed: &record, stored: $0, by: walkIn.by) }
        let options = ImportOptions(campaign: walkIn.campaign, source: walkIn.channel, channel: walkIn.channel, now: now)
        var writer = try PersonWriter(db, options: options)
        _ = try writer.write(record, row: 0)
        try writer.finish()
        guard let personID = try People.id(db, of: id) else {
            throw WorkflowError.internal("the walk-in was not saved")
        }
        if let review, !review.changed.isEmpty {
            try AuditLog.record(db, actor: walkIn.by?.name ?? "owner", action: "person-changed", campaign: walkIn.campaign,
                                detail: "person #\(personID) (\(walkIn.channel)): " + review.changes, at: now)
        }
        let code = try Registrations.badgeCode(db, for: walkIn.campaign).encode(personID)
        return WalkInResult(code: code, newlyRegistered: writer.linked > 0, maskedName: Masking.name(name),
                            maskedID: id.masked, groups: TargetGroup.labels(of: groups ?? []),
                            withheld: review?.withheld ?? [], changed: review?.changed.map(\.field) ?? [])
    }
}

/// What a walk-in typed for someone the ledger already holds: a field it holds empty is filled; one
/// it holds otherwise is changed only by a manager (or the workspace's owner) — for the desk's staff
/// it stays as it is and is named as withheld. Changes are worded masked for the audit log.
struct WalkInReview {
    var withheld: [String] = []
    var changed: [(field: String, before: String, after: String)] = []

    init(typed record: inout PersonRecord, stored: PersonSummary, by: StaffMember?) {
        let mayChange = by.map { $0.role.includes(.manager) } ?? true
        func review(_ field: String, typed: String?, stored: String?, masked: (String) -> String, keep: () -> Void) {
            guard let typed, !typed.isEmpty, let stored, !stored.isEmpty, typed != stored else { return }
            if mayChange {
                changed.append((field, masked(stored), masked(typed)))
            } else {
                withheld.append(field)
                keep()
            }
        }
        review("name", typed: record.name, stored: stored.name, masked: Masking.name) { record.name = stored.name }
        review("phone", typed: record.phone, stored: stored.phone, masked: Masking.phone) { record.phone = nil }
        review("township", typed: record.township, stored: stored.township, masked: { $0 }) { record.township = "" }
        review("village", typed: record.village, stored: stored.village, masked: { $0 }) { record.village = "" }
        review("groups", typed: record.groups.isEmpty ? nil : record.groups.description,
               stored: stored.groups.isEmpty ? nil : stored.groups.description, masked: { $0 }) { record.groups = [] }
    }

    /// `name 张* → 李*; township 城关镇 → 河西镇`.
    var changes: String { changed.map { "\($0.field) \($0.before) → \($0.after)" }.joined(separator: "; ") }
}

extension Registrations {
    /// The longest name, township or village a person typed at the desk may have.
    static let longestTypedText = 60

    /// A name, township or village typed at the desk (a walk-in, a manager's correction): refused when it
    /// holds control characters or is longer than anyone's, naming the field.
    static func requireTypedText(_ value: String, field: String) throws {
        let word = ["name": ImportMessages.nameField, "township": ImportMessages.townshipField][field] ?? ImportMessages.villageField
        if value.count > longestTypedText {
            throw InputRefusal(field: field, ImportMessages.tooLong(word, limit: longestTypedText))
        }
        if CellText.hasControlCharacters(value) {
            throw InputRefusal(field: field, Message(word) + Message(ImportMessages.holdsControlCharacters))
        }
    }
}

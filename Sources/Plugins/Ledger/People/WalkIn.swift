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

    public init(campaign: String, name: String, idNumber: String, phone: String? = nil, township: String? = nil,
                village: String? = nil, groups: String? = nil, channel: String = "walk-in") {
        self.channel = channel
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
    public var maskedName: String
    public var maskedID: String
    public var groups: [String]
}

extension Registrations {
    /// Registers a walk-in: validates what the desk typed, adds or updates the person (recording
    /// changes) and returns the badge code — the existing one if they were registered already.
    /// What the desk typed wrong is an `InputRefusal` naming the field (`id_number`, `name`, `phone`, `groups`).
    public static func registerWalkIn(_ walkIn: WalkIn, now: Date, db: Database) throws -> WalkInResult {
        try Registrations.requireOpenCampaign(walkIn.campaign, db: db)
        let id: ResidentID
        do {
            id = try ResidentID(walkIn.idNumber)
        } catch {
            throw InputRefusal(field: "id_number", error.said(of: walkIn.idNumber), hint: Message(WalkInMessages.checkIDCard))
        }
        for (field, word, value) in [("name", ImportMessages.nameField, walkIn.name),
                                     ("township", ImportMessages.townshipField, walkIn.township ?? ""),
                                     ("village", ImportMessages.villageField, walkIn.village ?? "")]
        where CellText.hasControlCharacters(value) || value.count > 60 {
            throw InputRefusal(field: field, value.count > 60 ? ImportMessages.tooLong(word, limit: 60)
                                : Message(word) + Message(ImportMessages.holdsControlCharacters))
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
                throw InputRefusal(field: "groups", Message(WalkInMessages.unknownGroup, ["label": label]),
                                   hint: Message(WalkInMessages.useGroups,
                                                 ["known": TargetGroup.allCases.map(\.label).joined(separator: "、")]))
            }
            groups = parsed
        }
        // What the desk did not type stays as the ledger has it (the writer never erases with blanks).
        let record = PersonRecord(idNumber: id, name: name, phone: phone, township: walkIn.township ?? "",
                                  village: walkIn.village ?? "", groups: groups ?? [], skills: "", desiredJob: "")
        let options = ImportOptions(campaign: walkIn.campaign, source: walkIn.channel, channel: walkIn.channel, now: now)
        var writer = try PersonWriter(db, options: options)
        _ = try writer.write(record, row: 0)
        try writer.finish()
        guard let personID = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE id_number = ?",
                                                arguments: [id.value]) else {
            throw WorkflowError.internal("the walk-in was not saved")
        }
        let code = try Registrations.badgeCode(for: walkIn.campaign, db: db).encode(personID)
        let storedGroups = try TargetGroupSet.fetchOne(db, sql: "SELECT groups FROM person WHERE id = ?", arguments: [personID]) ?? []
        return WalkInResult(code: code, newlyRegistered: writer.linked > 0, maskedName: Masking.name(name),
                            maskedID: id.masked, groups: TargetGroup.labels(of: storedGroups))
    }
}

import Foundation
import GRDB
import Workflow

/// A job seeker as read from a ledger row, validated and normalized.
public struct PersonRecord: Sendable, Equatable {
    /// Birth date and gender are not stored: `ResidentID` reads them from the number.
    var idNumber: ResidentID
    var name: String
    var phone: String?
    var township: String
    var village: String
    var groups: TargetGroupSet
    var skills: String
    var desiredJob: String
    /// Labels in the 人员类别 cell that name no target group: the person is imported without them.
    var unknownGroups: [String] = []
    /// Why the phone cell was left out (not a mobile number): the person is imported without it.
    var refusedPhone: Message?

    /// Who the row is, for kinds that read a person and more from one row (a bus's passengers).
    public var residentID: ResidentID { idNumber }
}

/// Village ledgers (台账) of job seekers.
public struct PeopleImport: LedgerKind {
    public init() {}

    public static let actionName = "import-people"
    public static let actionSummary = "Imports a ledger of job seekers and registers them to this campaign with badge codes."
    public static let noun = "person"
    /// Every row that parses is written: no reason to keep its cells.
    public static let writerMayRefuse = false
    public static let loadsPeople = true
    /// The columns of a people ledger. `fields` lists them in this order, so a row parser reads
    /// each cell by position instead of looking up its key (eight lookups on each of a million rows).
    enum Field: Int, CaseIterable {
        case idNumber, name, phone, township, village, groups, skills, desiredJob

        var spec: FieldSpec {
            switch self {
            case .idNumber:
                FieldSpec("id_number", "身份证号", aliases: ["身份证号码", "公民身份号码", "身份证", "证件号码", "证件号", "idnumber",
                                                           "id", "idcard", "idno"], required: true)
            case .name: FieldSpec("name", "姓名", aliases: ["名字", "求职者姓名", "fullname", "name"], required: true)
            case .phone: FieldSpec("phone", "手机号", aliases: ["手机号码", "手机", "联系电话", "电话", "联系方式", "mobile", "phone"])
            case .township:
                FieldSpec("township", "乡镇", aliases: ["乡镇(街道)", "乡镇街道", "镇", "乡", "街道", "所属乡镇", "town", "township"])
            case .village: FieldSpec("village", "村", aliases: ["村(社区)", "村社区", "行政村", "所在村", "所属村", "社区", "village"])
            case .groups:
                FieldSpec("groups", "人员类别", aliases: ["人员类型", "类别", "帮扶类别", "人员身份", "targetgroups", "group", "groups"])
            case .skills: FieldSpec("skills", "技能", aliases: ["职业技能", "技能特长", "特长", "skill", "skills"])
            case .desiredJob:
                FieldSpec("desired_job", "求职意向", aliases: ["意向岗位", "期望岗位", "就业意向", "求职岗位", "desiredjob", "wish"])
            }
        }
    }
    public static let fields = Field.allCases.map(\.spec)

    public static func parse(_ row: RowCells) -> Result<PersonRecord, RowProblem> {
        func problem(_ field: String, _ reason: Message) -> Result<PersonRecord, RowProblem> {
            .failure(.at(row, field, fields: fields, reason))
        }
        func cell(_ field: Field) -> String { row[position: field.rawValue] }
        let rawID = cell(.idNumber)
        if rawID.isEmpty { return problem("id_number", ImportMessages.empty(ImportMessages.idNumberField)) }
        if Self.isScientificNumber(rawID) {
            return problem("id_number", Message(ImportMessages.scientificID, ["value": rawID]))
        }
        let id: ResidentID
        do {
            id = try ResidentID(rawID)
        } catch {
            // Rounded by Excel and then saved as text (110105194912310000): the check digit is off by chance.
            let said = error.said(of: rawID)
            return problem("id_number", rawID.count == 18 && rawID.hasSuffix("000") ? said + Message(ImportMessages.roundedID) : said)
        }
        let name = cell(.name)
        if name.isEmpty { return problem("name", ImportMessages.empty(ImportMessages.nameField)) }
        // Counting characters means finding grapheme boundaries: only for names that might be long.
        if name.utf8.count > 30 && name.count > 30 { return problem("name", ImportMessages.tooLong(ImportMessages.nameField, limit: 30)) }
        for (field, word) in [(Field.name, ImportMessages.nameField), (.township, ImportMessages.townshipField),
                              (.village, ImportMessages.villageField)]
        where cell(field).utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            // A name or a place is one line: a break inside one means a quote opened a cell that
            // closes rows later, or a cell pasted with its line end.
            return problem(field.spec.key, Message(word) + Message(ImportMessages.holdsLineBreak))
        }
        // A phone a digit short costs only the phone: the person is registered, can be checked in by
        // ID or badge and seated on a bus, and the row goes to the reject file to fix the number.
        var phone: String?
        var refusedPhone: Message?
        let rawPhone = cell(.phone)
        if !rawPhone.isEmpty {
            do {
                phone = try PhoneNumber(rawPhone).value
            } catch {
                refusedPhone = error.said(of: rawPhone) + Message(ImportMessages.importedWithoutPhone)
            }
        }
        let (groups, unknown) = TargetGroup.parseList(cell(.groups), extra: row.groupLabels)
        return .success(PersonRecord(idNumber: id, name: name, phone: phone, township: cell(.township),
                                     village: cell(.village), groups: groups, skills: cell(.skills),
                                     desiredJob: cell(.desiredJob), unknownGroups: unknown, refusedPhone: refusedPhone))
    }

    /// 1.10105E+17 or 1.10105194912310E+17: how Excel writes a long number it keeps as a number.
    static func isScientificNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }), e > 0,
              e + 1 < bytes.count else { return false }
        let mantissa = bytes[..<e], exponent = bytes[(e + 1)...].drop { $0 == UInt8(ascii: "+") }
        return !exponent.isEmpty && exponent.allSatisfy { $0 >= 48 && $0 <= 57 }
            && mantissa.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
    }

    /// A workbook kept as one sheet per place names the township (or, for sheets named …村 or
    /// …社区, the village) by its sheets when it has no column for it.
    public static func fieldNamedBySheets(_ names: [String], hasColumn: (String) -> Bool) -> FieldSpec? {
        let villages = names.allSatisfy { name in ["村", "社区", "居委会", "村委会"].contains { name.hasSuffix($0) } }
        if villages && !hasColumn("village") { return Field.village.spec }
        if !villages && !hasColumn("township") { return Field.township.spec }
        return nil
    }

    /// An unknown target-group label costs the person only that label, a bad phone only the phone;
    /// never the registration.
    public static func refusedCells(of record: PersonRecord) -> [(field: String, reason: Message)] {
        var refused: [(field: String, reason: Message)] = []
        if let phone = record.refusedPhone { refused.append(("phone", phone)) }
        if !record.unknownGroups.isEmpty {
            refused.append(("groups", Message(ImportMessages.unknownGroups, [
                "labels": record.unknownGroups.map { "'\($0)'" }.joined(separator: ", ")],
                words: ["known": TargetGroup.known])))
        }
        return refused
    }

    public static func key(of record: PersonRecord) -> UInt64 { record.idNumber.numericKey }

    public func makeWriter(_ db: Database, options: ImportOptions) throws -> PersonWriter {
        try PersonWriter(db, options: options)
    }
}

import Foundation

/// The rules that read one month's sheet against the month before, stated once (the README repeats
/// them). Only people on both sheets are compared; someone new to the sheets is newly monitored.
/// - **Newly unemployed** (新增未就业): working last month, not working this month.
/// - **Returned home** (返乡): working outside the county last month, and this month not working or
///   working in the county.
/// - **Newly out of province** (新增省外务工): working outside the province this month, and not last month.
/// - **Out of province three months or more** (省外务工满3个月): working outside the province this month,
///   and either since a month at least three months before (the sheet's 外出时间), or — when the sheet
///   gives no date — on the two monthly sheets before as well.
enum MonthlyChanges {
    struct Status: Sendable, Equatable {
        var working: Bool
        var area: WorkArea?
        var since: String
        var wantsWork: Bool

        var outOfProvince: Bool { working && area == .outside }
        var outsideCounty: Bool { working && area?.isOutsideCounty == true }
        /// Wants work and has none: the one-to-one help list.
        var needsHelp: Bool { !working && wantsWork }
    }

    enum Change: String, Sendable, CaseIterable {
        case newlyUnemployed = "newly-unemployed"
        case returnedHome = "returned-home"
        case newlyOutOfProvince = "newly-out-of-province"
        case newlyMonitored = "newly-monitored"
    }

    static func changes(now: Status, before: Status?) -> [Change] {
        guard let before else { return [.newlyMonitored] }
        var found: [Change] = []
        if before.working && !now.working { found.append(.newlyUnemployed) }
        if before.outsideCounty && (!now.working || now.area == .county) { found.append(.returnedHome) }
        if now.outOfProvince && !before.outOfProvince { found.append(.newlyOutOfProvince) }
        return found
    }

    /// Whether a worker out of province this month has been away three months or more.
    static func awayThreeMonths(_ now: Status, month: String, earlier: [Status?]) -> Bool {
        guard now.outOfProvince else { return false }
        if !now.since.isEmpty { return Month.of(day: now.since) <= Month.adding(-3, to: month) }
        return earlier.count >= 2 && earlier.prefix(2).allSatisfy { $0?.outOfProvince == true }
    }
}

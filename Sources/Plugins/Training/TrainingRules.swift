import Foundation

/// The rules a training campaign's figures rest on, stated once (the README repeats them):
/// - **Completion**: a trainee completes a class by attending at least `completion` of its sessions,
///   rounded up (0.8 of 10 sessions: 8).
/// - **Subsidy** (补贴性培训): a trainee of a subsidised class qualifies when they completed it, passed
///   its exam with a certificate number, belong to one of the target groups the step names, and were
///   not subsidised for the same trade in the 365 days before (in any campaign of the workspace). The
///   first rule not met is the reason given.
enum TrainingRules {
    static func requiredSessions(_ sessions: Int, completion: Double) -> Int {
        max(1, Int((Double(sessions) * completion - 1e-9).rounded(.up)))
    }

    /// Why a trainee does or does not qualify for the training subsidy.
    enum Verdict: String, Sendable, Equatable, CaseIterable {
        case eligible
        case notSubsidisedClass = "not-subsidised-class"
        case notCompleted = "not-completed"
        case notCertified = "not-certified"
        case notInGroups = "not-in-groups"
        case subsidisedWithinYear = "subsidised-within-year"

        var qualifies: Bool { self == .eligible }
    }

    struct Trainee: Sendable {
        var attended: Int
        var passed: Bool
        var certificate: String
        var inGroups: Bool
        /// The day of the last subsidy for the same trade elsewhere, if any.
        var lastSubsidyForTrade: String?
    }

    static func verdict(_ t: Trainee, of trainingClass: TrainingClass, today: String) -> Verdict {
        guard trainingClass.subsidised else { return .notSubsidisedClass }
        guard t.attended >= trainingClass.requiredSessions else { return .notCompleted }
        guard t.passed, !t.certificate.isEmpty else { return .notCertified }
        guard t.inGroups else { return .notInGroups }
        if let last = t.lastSubsidyForTrade, daysBetween(last, today) < 365 { return .subsidisedWithinYear }
        return .eligible
    }

    /// Whole days from one `yyyy-MM-dd` day to another (0 when either is not a day).
    static func daysBetween(_ from: String, _ to: String) -> Int {
        guard let a = date(from), let b = date(to) else { return 0 }
        return calendar.dateComponents([.day], from: a, to: b).day ?? 0
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func date(_ day: String) -> Date? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}

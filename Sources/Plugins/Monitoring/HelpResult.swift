import Workflow

/// What one-to-one help (一对一帮扶) of a person wanting work came to. `placed` and `publicJob` put
/// them into work; the others leave them on next month's list if the sheet still says so.
enum HelpResult: String, Sendable, CaseIterable {
    case open
    case contacted
    case placed
    case publicJob = "public-job"
    case trained
    case declined
    case unreachable

    /// Into work by the help.
    var intoWork: Bool { self == .placed || self == .publicJob }

    var words: MessageText {
        switch self {
        case .open: MonitoringWords.resultOpen
        case .contacted: MonitoringWords.resultContacted
        case .placed: MonitoringWords.resultPlaced
        case .publicJob: MonitoringWords.resultPublicJob
        case .trained: MonitoringWords.resultTrained
        case .declined: MonitoringWords.resultDeclined
        case .unreachable: MonitoringWords.resultUnreachable
        }
    }
}

import Workflow

/// The four checkpoints of a worker's journey, one spelling everywhere (the gate steps, `campaign
/// checkin --checkpoint`, the page, the reports): leave home (出家门), board (上车门), get off at the
/// destination (下车门), enter the factory (进厂门).
public enum BusCheckpoint: String, CaseIterable, Sendable {
    case leaveHome = "leave-home"
    case board
    case alight
    case enterFactory = "enter-factory"

    public var label: MessageText {
        switch self {
        case .leaveHome: JourneyWords.leftHome
        case .board: JourneyWords.boarded
        case .alight: JourneyWords.alighted
        case .enterFactory: JourneyWords.enteredFactory
        }
    }
}

/// The four checkpoints of a worker's journey, one spelling everywhere (the gate steps, `campaign
/// checkin --checkpoint`, the page, the reports): leave home (出家门), board (上车门), get off at the
/// destination (下车门), enter the factory (进厂门).
public enum BusCheckpoint: String, CaseIterable, Sendable {
    case leaveHome = "leave-home"
    case board
    case alight
    case enterFactory = "enter-factory"

    public var label: (zh: String, en: String) {
        switch self {
        case .leaveHome: ("出家门", "left home")
        case .board: ("上车门", "boarded")
        case .alight: ("下车门", "alighted")
        case .enterFactory: ("进厂门", "entered the factory")
        }
    }
}

import Workflow

/// The words of the bus-door panel of the staff page.
public struct TransportPageWords: MessageCatalogue {
    public static let shared = TransportPageWords()

    public let bus = MessageText("transport-page.bus", zh: "车辆（车门扫码）", en: "Bus (scan at its door)")
    public let pickBus = MessageText("transport-page.pick-bus", zh: "选择车辆", en: "Pick the bus")
    public let passedHere = MessageText("transport-page.passed-here", zh: "人已过此关", en: "passed this checkpoint")
    public let missingSeats = MessageText("transport-page.missing-seats", zh: "未到座位", en: "missing, seats")
    public let door = MessageText("transport-page.door", zh: "检查点", en: "Checkpoint")
    public let leaveHome = MessageText("transport-page.door.leave-home", zh: "出家门", en: "Leaving home")
    public let board = MessageText("transport-page.door.board", zh: "上车", en: "Boarding")
    public let alight = MessageText("transport-page.door.alight", zh: "下车", en: "Getting off")
    public let enterFactory = MessageText("transport-page.door.enter-factory", zh: "进厂门", en: "Entering the factory")
}

import Workflow

/// The words of the one-to-one help panel of the staff page (我的帮扶).
public struct MonitoringPageWords: MessageCatalogue {
    public static let shared = MonitoringPageWords()

    public let myHelp = MessageText("monitoring-page.my-help", zh: "我的帮扶", en: "My help")
    public let contacted = MessageText("monitoring-page.contacted", zh: "已联系", en: "Contacted")
    public let placed = MessageText("monitoring-page.placed", zh: "已就业", en: "Placed")
    public let publicJob = MessageText("monitoring-page.public-job", zh: "公益性岗位", en: "Public job")
    public let trained = MessageText("monitoring-page.trained", zh: "参加培训", en: "Training")
    public let declined = MessageText("monitoring-page.declined", zh: "暂无意愿", en: "Declined")
    public let unreachable = MessageText("monitoring-page.unreachable", zh: "联系不上", en: "Unreachable")
    public let recorded = MessageText("monitoring-page.recorded", zh: "已登记", en: "Recorded")
    public let reason = MessageText("monitoring-page.reason", zh: "未就业原因", en: "Why not working")
}

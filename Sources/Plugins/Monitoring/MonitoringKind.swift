import Workflow

extension CampaignKind {
    /// 就业动态监测: each month's sheets of the monitored households' workers, the changes against the
    /// month before, and one-to-one help for those who want work and have none.
    public static let monitoring: CampaignKind = "monitoring"
}

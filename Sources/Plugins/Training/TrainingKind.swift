import Workflow

extension CampaignKind {
    /// 职业技能培训: classes at a training base, attendance per session, exams, certificates, subsidy,
    /// employment after training.
    public static let training: CampaignKind = "training"
}

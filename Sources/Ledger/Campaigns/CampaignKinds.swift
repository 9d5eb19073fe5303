import Workflow

/// The kinds of campaign the county runs, named once for every plugin that counts or plans by kind
/// (the tally's measures, the sections). Which plugin brings each is said in its `Plugin`
/// declaration (`campaignKinds:`): the engine accepts a definition's `kind:` only when one does.
extension CampaignKind {
    /// 春风行动 and other job fairs: check-in at the gates, interviews and placements at the booths.
    public static let jobFair: CampaignKind = "job-fair"
    /// 点对点包车: passengers, rosters, the four checkpoints of a bus journey.
    public static let busTransport: CampaignKind = "bus-transport"
    /// 直播带岗: the stream, the platforms' sign-ups, call-backs.
    public static let livestream: CampaignKind = "livestream"
}

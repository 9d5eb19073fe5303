import Workflow

/// Why a plan cannot be made as asked — a booth layout, a wish left without an interview — in
/// Chinese and English. English counts one and many apart, so a sentence that counts has a
/// wording for each.
public struct PlanWords: MessageCatalogue {
    public static let shared = PlanWords()

    public let pinnedBoothMissing = MessageText("plan.pinned-booth-missing", zh: "{enterprise} 预定的展位 {booth} 在场地中不存在",
                                                en: "{enterprise} is promised booth {booth}, which the venue does not have")
    public let boothPromisedTwice = MessageText("plan.booth-promised-twice", zh: "展位 {booth} 同时预定给了 {first} 和 {second}",
                                                en: "booth {booth} is promised to both {first} and {second}")
    public let pinnedNotAccessible = MessageText("plan.pinned-not-accessible", zh: "{enterprise} 需要无障碍展位，但预定的 {booth} 不是",
                                                 en: "{enterprise} needs an accessible booth, but its promised {booth} is not one")
    public let tooFewBooths = MessageText("plan.too-few-booths", zh: "{enterprises} 家企业，只有 {booths} 个展位",
                                          en: "{enterprises} enterprises for {booths} booths")
    public let tooFewBoothsOne = MessageText("plan.too-few-booths-one", zh: "{enterprises} 家企业，只有 {booths} 个展位",
                                             en: "{enterprises} enterprises for {booths} booth")
    public let tooFewAccessibleOneNeeds = MessageText(
        "plan.too-few-accessible-one", zh: "{needing} 家企业需要无障碍展位，只剩 {left} 个",
        en: "{needing} enterprise needs an accessible booth; {left} are left")
    public let tooFewAccessible = MessageText(
        "plan.too-few-accessible", zh: "{needing} 家企业需要无障碍展位，只剩 {left} 个",
        en: "{needing} enterprises need an accessible booth; {left} are left")
    public let tooFewAccessibleOneLeft = MessageText(
        "plan.too-few-accessible-one-left", zh: "{needing} 家企业需要无障碍展位，只剩 {left} 个",
        en: "{needing} enterprises need an accessible booth; {left} is left")

    /// 第一, 第二… / first, second…: a wish's rank, from the first.
    public let wishRanks = [
        MessageText("plan.rank-1", zh: "第一", en: "first"), MessageText("plan.rank-2", zh: "第二", en: "second"),
        MessageText("plan.rank-3", zh: "第三", en: "third"), MessageText("plan.rank-4", zh: "第四", en: "fourth"),
        MessageText("plan.rank-5", zh: "第五", en: "fifth"), MessageText("plan.rank-6", zh: "第六", en: "sixth"),
        MessageText("plan.rank-7", zh: "第七", en: "seventh"), MessageText("plan.rank-8", zh: "第八", en: "eighth"),
        MessageText("plan.rank-9", zh: "第九", en: "ninth"),
    ]
    public let wishesOfRank = MessageText("plan.wishes-of-rank", zh: "{rank}志愿{count}个", en: "{count} {rank}")
    public let boothFull = MessageText(
        "plan.booth-full", zh: "岗位 {posting}（{booth}）的 {capacity} 个面试名额已满：{taken}",
        en: "posting {posting}'s booth ({booth}) has all its {capacity} interview slots taken, by {taken} wishes")
    public let boothFullOne = MessageText(
        "plan.booth-full-one", zh: "岗位 {posting}（{booth}）的 {capacity} 个面试名额已满：{taken}",
        en: "posting {posting}'s booth ({booth}) has all its {capacity} interview slots taken, by {taken} wish")
    public let personFull = MessageText(
        "plan.person-full", zh: "已安排 {limit} 场面试（每人最多 {perPerson} 场，或已排满时段）",
        en: "already has {limit} interviews, the most one person is given ({perPerson}, or every slot)")
    public let noCommonSlot = MessageText(
        "plan.no-common-slot", zh: "展位和本人都还有空，但已公布的面试占去了共同的空闲时段",
        en: "the booth and the person both have room, but not at a common time around the interviews already announced")
    public let boothClosed = MessageText("plan.booth-closed", zh: "{booth} 本场不安排面试（没有面试官或没有时段）",
                                         en: "{booth} holds no interviews at this fair (no interviewer or no slot)")
}

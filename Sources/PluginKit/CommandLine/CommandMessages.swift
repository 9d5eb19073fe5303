import Workflow

/// What any command says about where it looked for the workspace, in Chinese and English (the
/// message catalogue).
public struct CommandMessages: MessageCatalogue {
    public static let shared = CommandMessages()

    public let noWorkspace = MessageText(
        "command.no-workspace", zh: "{path} 处没有工作区（来自", en: "no workspace at '{path}' (from ")
    public let fromFlag = MessageText("command.from-flag", zh: " --db 参数", en: "--db")
    public let fromEnvironment = MessageText("command.from-environment", zh: "环境变量 $CAMPAIGN_DB", en: "$CAMPAIGN_DB")
    public let fromFolder = MessageText("command.from-folder", zh: "当前文件夹", en: "the current folder")
    public let whereToRun = MessageText(
        "command.where-to-run",
        zh: "请在开始活动的文件夹里运行，或用 --db 路径 指向它的 campaign.sqlite（只有 `campaign start` 会新建工作区）",
        en: "run this in the folder where the campaign was started, or point to its campaign.sqlite with --db PATH "
            + "(a new workspace is made only by `campaign start`)")

    public let unexpected = MessageText("command.unexpected", zh: "这是意料之外的情况；请把您运行的命令一起报告给我们",
                                        en: "this is unexpected; please report it with the command you ran")
    // `campaign validate`'s verdicts.
    public let validTemplate = MessageText(
        "command.valid-template", zh: "{path}：有效的模板“{name}”，{steps} 个步骤；输入：{inputs}",
        en: "{path}: valid template '{name}', {steps} steps; inputs: {inputs}")
    public let validCampaign = MessageText("command.valid-campaign", zh: "{path}：有效——活动“{name}”，{steps} 个步骤",
                                           en: "{path}: valid — campaign '{name}', {steps} steps")
}

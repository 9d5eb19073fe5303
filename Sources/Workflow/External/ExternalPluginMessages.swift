/// What validation says about an external plugin that cannot be described, in Chinese and English
/// (after "插件“NAME”：").
public struct ExternalPluginMessages: MessageCatalogue {
    public static let shared = ExternalPluginMessages()

    public let builtInName = MessageText("external.built-in-name", zh: "“{name}”是内置插件的名字", en: "'{name}' is the name of a built-in plugin")
    public let builtInNameHint = MessageText("external.built-in-name-hint", zh: "给外部插件换个名字，例如 {name}-ext",
                                          en: "give the external plugin another name, e.g. {name}-ext")
    public let plugin = MessageText("external.plugin", zh: "插件“{name}”：", en: "plugin '{name}': ")
    public let noProgram = MessageText("external.no-program", zh: "它的程序 {path} 不存在", en: "its program {path} does not exist")
    public let relativeToDefinition = MessageText("external.relative-to-definition", zh: "路径相对于活动定义所在的文件夹",
                                               en: "paths are relative to the folder of the definition")
    public let notExecutable = MessageText("external.not-executable", zh: "它的程序 {path} 不能执行", en: "its program {path} is not executable")
    public let chmodHint = MessageText("external.chmod-hint",
                                    zh: "运行：chmod +x {path}（并让它以 #!/usr/bin/env python3 这样的一行开头）",
                                    en: "run: chmod +x {path} (and start it with a line such as #!/usr/bin/env python3)")
    public let cannotRun = MessageText("external.cannot-run", zh: "无法运行 `describe`：{reason}", en: "could not run `describe`: {reason}")
    public let describeStopped = MessageText("external.describe-stopped", zh: "`describe` 在 {limit} 内没有回答，已被停止",
                                          en: "`describe` did not answer within {limit}; it was stopped")
    public let describeAtOnce = MessageText("external.describe-at-once", zh: "describe 应立即打印它的 JSON 并退出",
                                         en: "describe must print its JSON and exit at once")
    public let describeKilled = MessageText("external.describe-killed", zh: "`describe` 被信号 {signal} 终止{stderr}",
                                         en: "`describe` was killed by signal {signal}{stderr}")
    public let describeExited = MessageText("external.describe-exited", zh: "`describe` 以代码 {code} 退出{stderr}",
                                         en: "`describe` exited with code {code}{stderr}")
    public let runItYourself = MessageText("external.run-it-yourself", zh: "自己运行一下：{command}", en: "run it yourself: {command}")
    public let notProtocol = MessageText("external.not-protocol", zh: "它对 `describe` 的回答不是协议规定的 JSON（{reason}）：{answer}",
                                      en: "its `describe` answer is not the protocol's JSON ({reason}): {answer}")
    public let seeProtocol = MessageText("external.see-protocol", zh: "回答的格式见 docs/external-plugins.md",
                                      en: "see docs/external-plugins.md for the shape of the answer")
    public let otherVersion = MessageText("external.other-version", zh: "它使用协议版本 {theirs}；本程序使用版本 {ours}",
                                       en: "it speaks protocol version {theirs}; this campaign speaks version {ours}")
    public let updateHint = MessageText("external.update-hint", zh: "请更新插件或 campaign", en: "update the plugin, or campaign")
    public let badActionName = MessageText(
        "external.bad-action-name", zh: "它的 `describe` 把动作“{action}”列了两次，或者名字不只由字母、数字、'_' 和 '-' 组成（或以数字开头）",
        en: "its `describe` names an action '{action}' twice, or a name other than letters, digits, '_' and '-' (not starting with a digit)")
    public let unknownType = MessageText("external.unknown-type", zh: "动作“{action}”的参数“{parameter}”：未知的类型“{type}”（可用：{types}）",
                                      en: "action '{action}', parameter '{parameter}': unknown type '{type}' (types: {types})")
    public let noActions = MessageText("external.no-actions", zh: "它的 `describe` 没有列出任何动作", en: "its `describe` lists no actions")
}

/// What `campaign validate` (and every command that reads a definition) says about the shape of a
/// campaign file — its keys, names, dates, schedules, steps, retries — in Chinese and English. The
/// checks of what steps use and read are in `ValidationMessages`.
public struct DefinitionMessages: MessageCatalogue {
    public static let shared = DefinitionMessages()

    // The file as a whole.
    public let fileEmpty = MessageText("definition.file-empty", zh: "文件是空的", en: "the file is empty")
    public let fileEmptyHint = MessageText(
        "definition.file-empty-hint", zh: "一个活动至少要有 'name:' 和 'steps:'；可以从 workflows/ 里复制一个",
        en: "a campaign needs at least 'name:' and 'steps:'; copy one from workflows/")
    public let notMapping = MessageText(
        "definition.not-mapping", zh: "活动文件应是由 'name:'、'steps:' 等键组成的映射，而这里是",
        en: "a campaign file must be a mapping of keys such as 'name:' and 'steps:', not ")
    public let tooLarge = MessageText(
        "definition.too-large", zh: "文件超过 1 MiB；一个活动定义只有几 KiB",
        en: "the file is larger than 1 MiB; a campaign definition is a few KiB")
    public let tooLargeHint = MessageText("definition.too-large-hint", zh: "请确认这是活动的 YAML 文件",
                                       en: "check that this is the campaign's YAML file")
    public let tooManyValues = MessageText(
        "definition.too-many-values",
        zh: "文件展开后超过 {limit} 个值：YAML 别名（*name）会重复锚点（&name）的内容，而这些别名又互相重复",
        en: "the file expands to more than {limit} values: YAML aliases (*name) repeat what an anchor (&name) holds, "
            + "and these repeat each other")
    public let tooManyValuesHint = MessageText("definition.too-many-values-hint", zh: "把值直接写出来，或少用别名",
                                            en: "write the values out, or use fewer aliases")
    public let unreadableYAML = MessageText("definition.unreadable-yaml", zh: "无法读取 YAML：{problem}",
                                         en: "cannot read YAML: {problem}")

    // name, title, kind, timezone, date.
    public let badName = MessageText(
        "definition.bad-name", zh: "活动名“{name}”不能为空，也不能包含空格或 '/'",
        en: "campaign name '{name}' cannot be empty or contain spaces or '/'")
    public let badNameHint = MessageText(
        "definition.bad-name-hint", zh: "用一个短名字，例如 spring-fair-2026；完整的名称写在 'title:' 里",
        en: "use a short name such as spring-fair-2026; put the long one in 'title:'")
    public let missingName = MessageText(
        "definition.missing-name", zh: "缺少键 'name'（活动唯一的短名字）",
        en: "missing key 'name' (the campaign's unique short name)")
    public let missingNameHint = MessageText("definition.missing-name-hint", zh: "加一行，例如 'name: spring-fair-2026'",
                                          en: "add a line such as 'name: spring-fair-2026'")
    public let placeholderOutsideTemplate = MessageText(
        "definition.placeholder-outside-template",
        zh: "'{key}' 用了 ${{ }}，只有模板可以这样写：请在 'inputs:' 下声明它读取的值",
        en: "'{key}' uses ${{ }}, which only a template can: declare the values it reads under 'inputs:'")
    public let placeholderHint = MessageText(
        "definition.placeholder-hint",
        zh: "inputs: { date: { type: date, required: true } }，然后 name: spring-fair-${{ inputs.date }}",
        en: "inputs: { date: { type: date, required: true } }, then name: spring-fair-${{ inputs.date }}")
    public let unknownKind = MessageText("definition.unknown-kind", zh: "未知的活动类型“{kind}”",
                                      en: "unknown campaign kind '{kind}'")
    public let unknownTimeZone = MessageText("definition.unknown-time-zone", zh: "未知的时区“{zone}”",
                                          en: "unknown time zone '{zone}'")
    public let timeZoneHint = MessageText(
        "definition.time-zone-hint", zh: "使用 IANA 时区名，例如 {zone} 或 Asia/Urumqi",
        en: "use an IANA name such as {zone} or Asia/Urumqi")
    public let badDate = MessageText(
        "definition.bad-date", zh: "'date' 应是活动举办的日期，例如 2026-03-01（这里是“{text}”）",
        en: "'date' must be the day the campaign is held, such as 2026-03-01 (found '{text}')")
    public let badDateHint = MessageText(
        "definition.bad-date-hint",
        zh: "{from} 到 {to} 年之间真实存在的一天；统计期间（tally --from/--to）按它选取活动",
        en: "a real day between {from} and {to}; periods (tally --from/--to) select on it")
    public let missingSteps = MessageText(
        "definition.missing-steps", zh: "缺少键 'steps'（活动要做的事情的列表）",
        en: "missing key 'steps' (the list of things the campaign does)")
    public let missingStepsHint = MessageText(
        "definition.missing-steps-hint", zh: "加上 'steps:'，至少包含一个 '- id: …' 和 'uses: 插件.动作'",
        en: "add 'steps:' with at least one '- id: …' and 'uses: plugin.action'")

    // inputs:, on:, plugins:, vars:.
    public let inputsNotMapping = MessageText(
        "definition.inputs-not-mapping", zh: "'inputs' 应是输入名到其类型、默认值和说明的映射，而这里是",
        en: "'inputs' must be a mapping of input names to their type, default and doc, not ")
    public let inputsHint = MessageText("definition.inputs-hint", zh: "例如 inputs: { date: { type: date, required: true } }",
                                     en: "inputs: { date: { type: date, required: true } }")
    public let badIdentifier = MessageText(
        "definition.bad-identifier", zh: "{what}“{name}”只能由字母、数字、'_' 和 '-' 组成",
        en: "{what} '{name}' can only hold letters, digits, '_' and '-'")
    public let inputName = MessageText("definition.input-name", zh: "输入名", en: "input name")
    public let pluginName = MessageText("definition.plugin-name", zh: "插件名", en: "plugin name")
    public let variableName = MessageText("definition.variable-name", zh: "变量名", en: "variable name")
    public let unknownInputType = MessageText("definition.unknown-input-type", zh: "未知的输入类型“{type}”",
                                           en: "unknown input type '{type}'")
    public let inputTypes = MessageText("definition.input-types", zh: "可用的类型：{types}", en: "types: {types}")
    public let requiredIsBoolean = MessageText("definition.required-is-boolean", zh: "'required' 只能是 true 或 false",
                                            en: "'required' is true or false")
    public let onNotMapping = MessageText("definition.on-not-mapping", zh: "'on' 应是映射，例如 'schedule:'，而这里是",
                                       en: "'on' must be a mapping such as 'schedule:', not ")
    public let onHint = MessageText("definition.on-hint", zh: "例如 on: { schedule: [ { cron: \"0 9 * * 1\" } ] }",
                                 en: "on: { schedule: [ { cron: \"0 9 * * 1\" } ] }")
    public let runCurrentIsBoolean = MessageText("definition.run-current-is-boolean", zh: "'run_current' 只能是 true 或 false",
                                                 en: "'run_current' is true or false")
    public let scheduleNotList = MessageText("definition.schedule-not-list", zh: "'schedule' 应是 '- cron: …' 条目的列表",
                                          en: "'schedule' must be a list of '- cron: …' entries")
    public let scheduleHint = MessageText("definition.schedule-hint", zh: "例如 schedule: [ { cron: \"0 9 * * 1\" } ]",
                                       en: "schedule: [ { cron: \"0 9 * * 1\" } ]")
    public let scheduleEntryNotMapping = MessageText(
        "definition.schedule-entry-not-mapping", zh: "每个 schedule 条目应是带 'cron:' 的映射，而这里是",
        en: "each schedule is a mapping with 'cron:', not ")
    public let scheduleWithoutCron = MessageText("definition.schedule-without-cron", zh: "这个 schedule 条目没有 'cron:'",
                                              en: "this schedule has no 'cron:'")
    public let scheduleWithoutCronHint = MessageText(
        "definition.schedule-without-cron-hint", zh: "例如 cron: \"0 9 * * *\"（每天 09:00）",
        en: "e.g. cron: \"0 9 * * *\" (every day at 09:00)")
    public let badCron = MessageText("definition.bad-cron", zh: "cron 表达式“{text}”：", en: "cron '{text}': ")
    public let pluginsNotMapping = MessageText(
        "definition.plugins-not-mapping", zh: "'plugins' 应是插件名到其程序的映射，而这里是",
        en: "'plugins' must be a mapping of plugin names to their programs, not ")
    public let pluginsHint = MessageText("definition.plugins-hint", zh: "例如 plugins: { sms: plugins/sms-outbox.py }",
                                      en: "plugins: { sms: plugins/sms-outbox.py }")
    public let pluginWithoutProgram = MessageText(
        "definition.plugin-without-program", zh: "插件“{name}”要写明它的程序：相对于本文件的路径",
        en: "plugin '{name}' must name its program: a path relative to this file")
    public let unknownPluginField = MessageText("definition.unknown-plugin-field", zh: "插件条目没有“{field}”这一项",
                                                en: "a plugin entry has no '{field}'")
    public let badEnvironmentName = MessageText("definition.bad-env-name", zh: "“{name}”不是环境变量名",
                                                en: "'{name}' is not an environment variable's name")
    public let environmentNameHint = MessageText(
        "definition.env-name-hint", zh: "env: 列出插件需要的环境变量名，例如 env: [SMS_API_KEY]（大写字母、数字和 _）；其余环境变量不传给插件",
        en: "env: lists the environment variables the plugin needs, e.g. env: [SMS_API_KEY] (capitals, digits and _); "
            + "no other variable of yours reaches it")
    public let envNotList = MessageText("definition.env-not-list", zh: "env: 应为列表，而不是", en: "env: should be a list, not ")
    public let pluginWithoutProgramHint = MessageText("definition.plugin-without-program-hint",
                                                   zh: "例如 {name}: plugins/{name}.py", en: "{name}: plugins/{name}.py")
    public let varsNotMapping = MessageText("definition.vars-not-mapping", zh: "'vars' 应是变量名到值的映射，而这里是",
                                         en: "'vars' must be a mapping of names to values, not ")

    // steps:.
    public let stepsNotList = MessageText(
        "definition.steps-not-list", zh: "'steps' 应是列表，每一项以 '- id:' 开头，而这里是",
        en: "'steps' must be a list, each item starting with '- id:', not ")
    public let stepsEmpty = MessageText("definition.steps-empty", zh: "'steps' 是空的", en: "'steps' is empty")
    public let stepsEmptyHint = MessageText("definition.steps-empty-hint", zh: "一个活动至少要有一个步骤",
                                         en: "a campaign needs at least one step")
    public let stepNotMapping = MessageText(
        "definition.step-not-mapping", zh: "步骤应是带 'id:' 和 'uses:' 的映射，而这里是",
        en: "a step must be a mapping with 'id:' and 'uses:', not ")
    public let badStepID = MessageText(
        "definition.bad-step-id", zh: "步骤 id“{id}”只能由字母、数字、'_' 和 '-' 组成，且不能以数字开头",
        en: "step id '{id}' can only hold letters, digits, '_' and '-' and must not start with a digit")
    public let badStepIDHint = MessageText("definition.bad-step-id-hint", zh: "表达式用 steps.<id>.outputs… 引用它",
                                        en: "expressions refer to it as steps.<id>.outputs…")
    public let stepWithoutID = MessageText("definition.step-without-id", zh: "步骤缺少 'id'", en: "step is missing 'id'")
    public let stepWithoutIDHint = MessageText("definition.step-without-id-hint", zh: "给步骤加上 'id: 一个短名字'",
                                            en: "add 'id: a-short-name' to the step")
    public let stepWithoutUses = MessageText(
        "definition.step-without-uses", zh: "步骤“{step}”缺少 'uses'（它要运行的插件动作）",
        en: "step '{step}' is missing 'uses' (the plugin action it runs)")
    public let stepWithoutUsesHint = MessageText(
        "definition.step-without-uses-hint", zh: "例如加上 'uses: core.log'；`campaign plugins` 会列出所有动作",
        en: "add for example 'uses: core.log'; `campaign plugins` lists the actions")
    public let withNotMapping = MessageText("definition.with-not-mapping", zh: "'with' 应是参数名到值的映射，而这里是",
                                         en: "'with' must be a mapping of parameter names to values, not ")
    public let maxParallelWithoutFanOut = MessageText(
        "definition.max-parallel-without-fan-out",
        zh: "'max-parallel' 限制的是 'for_each' 步骤的实例数，而这个步骤没有 'for_each'",
        en: "'max-parallel' limits the instances of a 'for_each' step, and this step has none")
    public let maxParallelWithoutFanOutHint = MessageText(
        "definition.max-parallel-without-fan-out-hint", zh: "加上 'for_each:' 写明要逐项处理的列表，或去掉 'max-parallel'",
        en: "add 'for_each:' with the list to go over, or remove 'max-parallel'")
    public let badMaxParallel = MessageText(
        "definition.bad-max-parallel", zh: "'max-parallel' 应是 1 到 {limit} 之间的整数，而不是“{text}”",
        en: "'max-parallel' must be a whole number from 1 to {limit}, not '{text}'")
    public let badMaxParallelHint = MessageText(
        "definition.bad-max-parallel-hint", zh: "同时进行的实例数，例如 max-parallel: 4",
        en: "how many instances may be in progress at once, e.g. max-parallel: 4")
    public let fanOutTooLong = MessageText(
        "definition.fan-out-too-long", zh: "'for_each' 列出了 {count} 项；最多允许 {limit} 项",
        en: "'for_each' lists {count} items; at most {limit} are allowed")
    public let fanOutTooLongHint = MessageText("definition.fan-out-too-long-hint", zh: "把活动拆开，或改用更短的列表",
                                            en: "split the campaign, or go over a shorter list")
    public let fanOutNotOneExpression = MessageText(
        "definition.fan-out-not-one-expression", zh: "'for_each' 应是一个给出列表的 ${{ }}，前后不能有别的文字",
        en: "'for_each' must be one ${{ }} that gives a list, with nothing around it")
    public let fanOutExpressionHint = MessageText("definition.fan-out-expression-hint",
                                               zh: "例如 for_each: ${{ vars.batches }}",
                                               en: "for example for_each: ${{ vars.batches }}")
    public let fanOutSingleValue = MessageText(
        "definition.fan-out-single-value", zh: "'for_each' 应是列表（或给出列表的 ${{ }}），而不是单个值“{text}”",
        en: "'for_each' must be a list (or ${{ }} giving one), not the single value '{text}'")
    public let fanOutSingleValueHint = MessageText(
        "definition.fan-out-single-value-hint",
        zh: "把各项写成 YAML 列表，例如 for_each: [城关镇, 河口镇]，或 for_each: ${{ vars.batches }}",
        en: "write the items as a YAML list, e.g. for_each: [城关镇, 河口镇], or for_each: ${{ vars.batches }}")
    public let fanOutMapping = MessageText(
        "definition.fan-out-mapping", zh: "'for_each' 应是列表（或给出列表的 ${{ }}），而不是映射",
        en: "'for_each' must be a list (or ${{ }} giving one), not a mapping")
    public let fanOutMappingHint = MessageText("definition.fan-out-mapping-hint", zh: "把各项写成 YAML 列表，每一项可以是映射",
                                            en: "write the items as a YAML list, each item may be a mapping")
    public let needsEntryNotID = MessageText("definition.needs-entry-not-id", zh: "'needs' 的每一项都应是步骤 id",
                                          en: "each entry of 'needs' must be a step id")
    public let needsMapping = MessageText("definition.needs-mapping", zh: "'needs' 应是一个步骤 id 或步骤 id 的列表，而不是映射",
                                       en: "'needs' must be a step id or a list of step ids, not a mapping")
    public let ifNotCondition = MessageText(
        "definition.if-not-condition", zh: "'if' 应是一个条件，例如 ${{ vars.walk_ins }}，而这里是",
        en: "'if' must be a condition such as ${{ vars.walk_ins }}, not ")
    public let invalidExpression = MessageText("definition.invalid-expression", zh: "表达式有误：", en: "invalid expression: ")
    public let textOutsideCondition = MessageText(
        "definition.text-outside-condition", zh: "'if' 里 ${{ }} 之外的文字会让条件成为非空文本，而非空文本永远为真",
        en: "text outside ${{ }} in 'if' makes the condition a non-empty text, which is always true")
    public let textOutsideConditionHint = MessageText(
        "definition.text-outside-condition-hint", zh: "把整个条件放进一个 ${{ }}，例如 ${{ vars.a == 'x' }}",
        en: "put the whole condition inside one ${{ }}, e.g. ${{ vars.a == 'x' }}")
    public let badRetry = MessageText(
        "definition.bad-retry", zh: "'retry' 应是尝试次数（1 到 {limit}），或带 'attempts'、'backoff' 和 'factor' 的映射",
        en: "'retry' must be a number of attempts (1 to {limit}) or a mapping with 'attempts', 'backoff' and 'factor'")
    public let retryNotNumberOrMapping = MessageText("definition.retry-not-number-or-mapping",
                                                  zh: "'retry' 应是数字或映射，而这里是",
                                                  en: "'retry' must be a number or a mapping, not ")
    public let badAttempts = MessageText(
        "definition.bad-attempts", zh: "'attempts' 应是 1 到 {limit} 之间的整数（包括第一次尝试）",
        en: "'attempts' must be a whole number from 1 to {limit} (it counts the first try)")
    public let badFactor = MessageText(
        "definition.bad-factor", zh: "'factor' 应是 1 到 {limit} 之间的数（2 表示每次等待时间翻倍）",
        en: "'factor' must be a number from 1 to {limit} (2 doubles the wait each time)")

    // Keys, values and durations anywhere.
    public let unknownKey = MessageText("definition.unknown-key", zh: "{context}中有未知的键“{key}”",
                                     en: "unknown key '{key}' in {context}")
    public let contextCampaign = MessageText("definition.context-campaign", zh: "活动", en: "campaign")
    public let contextStep = MessageText("definition.context-step", zh: "步骤", en: "step")
    public let contextInput = MessageText("definition.context-input", zh: "输入“{name}”", en: "input '{name}'")
    public let contextOn = MessageText("definition.context-on", zh: "on 部分", en: "on")
    public let contextSchedule = MessageText("definition.context-schedule", zh: "schedule 条目", en: "schedule")
    public let contextRetry = MessageText("definition.context-retry", zh: "retry 部分", en: "retry")
    public let notSingleValue = MessageText("definition.not-single-value", zh: "'{key}' 应是单个值，而这里是",
                                         en: "'{key}' must be a single value, not ")
    public let keyProblem = MessageText("definition.key-problem", zh: "'{key}'：", en: "'{key}': ")
    public let tooLong = MessageText("definition.too-long", zh: "'{key}' 是 {text}，超过了{limit}",
                                  en: "'{key}' is {text}, longer than {limit}")
    public let atMost = MessageText("definition.at-most", zh: "最多{limit}", en: "at most {limit}")
    public let aYear = MessageText("definition.a-year", zh: "一年（365d）", en: "a year (365d)")
    public let tenYears = MessageText("definition.ten-years", zh: "十年（3650d）", en: "ten years (3650d)")
    public let aDay = MessageText("definition.a-day", zh: "一天（1d）", en: "a day (1d)")
    public let notADuration = MessageText(
        "definition.not-a-duration", zh: "“{text}”不是一段时长；请写成 90s、15m、2h 或 30d 这样",
        en: "'{text}' is not a duration; write it like 90s, 15m, 2h or 30d")
    public let durationTooLong = MessageText(
        "definition.duration-too-long", zh: "“{text}”超过了十年（3650d），这是活动最长能等待的时间",
        en: "'{text}' is longer than ten years (3650d), the longest a campaign may wait")

    // What a YAML node is, said where a message expects another.
    public let kindSingle = MessageText("definition.kind-single", zh: "单个值", en: "a single value")
    public let kindMapping = MessageText("definition.kind-mapping", zh: "映射（键: 值 的各行）", en: "a mapping (key: value lines)")
    public let kindList = MessageText("definition.kind-list", zh: "列表（以 '-' 开头的各行）", en: "a list (lines starting with '-')")
}

/// A definition that is not YAML: where it breaks, in the reader's language; libyaml's own
/// description of the problem is kept as it wrote it.
public struct YAMLMessages: MessageCatalogue {
    public static let shared = YAMLMessages()

    public let syntax = MessageText("yaml.syntax", zh: "YAML 语法错误：{problem}", en: "YAML syntax: {problem}")
    public let notClosed = MessageText(
        "yaml.not-closed", zh: "YAML 语法错误：{problem}——从这里开始的引号或括号没有闭合（读到第 {line} 行才发现）",
        en: "YAML syntax: {problem} — this one, begun here, is not closed (the file's reading stopped at line {line})")
    public let closeIt = MessageText("yaml.close-it", zh: "把这里开始的引号或括号闭合；",
                                     en: "close the quote or bracket opened here; ")
    public let indentationHint = MessageText(
        "yaml.indentation-hint",
        zh: "YAML 对缩进和“冒号后跟空格”很敏感；含有 ': ' 或以 '{'、'['、'*'、'&'、'#' 开头的文字要加引号",
        en: "YAML is sensitive to indentation and to ':' followed by a space; quote text that contains ': ' or starts "
            + "with '{', '[', '*', '&' or '#'")
    public let duplicateKey = MessageText(
        "yaml.duplicate-key", zh: "键 {keys} 在同一个映射里出现了两次（第一次在第 {line} 行）",
        en: "key {keys} appears twice in the same mapping (first at line {line})")
    public let duplicateKeyHint = MessageText(
        "yaml.duplicate-key-hint", zh: "只保留一个；后一个会悄悄覆盖前一个",
        en: "keep one of them; the later one would silently replace the earlier")
    public let unreadable = MessageText("yaml.unreadable", zh: "无法读取文件：{problem}",
                                        en: "cannot read the file: {problem}")
    public let saveAsUTF8 = MessageText("yaml.save-as-utf8", zh: "把文件另存为 UTF-8 文本",
                                        en: "save the file as UTF-8 text")
    public let other = MessageText("yaml.other", zh: "YAML 错误：{problem}", en: "YAML error: {problem}")
}

/// What `campaign validate` says about what steps use and read — actions, parameters, needs,
/// expressions, templates — in Chinese and English. The file's shape is in `DefinitionMessages`.
public struct ValidationMessages: MessageCatalogue {
    public static let shared = ValidationMessages()

    // Steps and actions.
    public let duplicateStep = MessageText("validation.duplicate-step", zh: "步骤 id“{id}”重复了（第一次用在第 {line} 行）",
                                        en: "duplicate step id '{id}' (first used at line {line})")
    public let duplicateStepHint = MessageText("validation.duplicate-step-hint", zh: "每个步骤要有自己的 id",
                                            en: "give every step its own id")
    public let needsItself = MessageText("validation.needs-itself", zh: "步骤“{step}”依赖它自己", en: "step '{step}' needs itself")
    public let needsUnknown = MessageText("validation.needs-unknown", zh: "步骤“{step}”依赖“{need}”，但没有步骤叫这个 id",
                                       en: "step '{step}' needs '{need}', but no step has that id")
    public let usesNotAction = MessageText("validation.uses-not-action", zh: "'uses' 应写成 插件.动作，而不是“{uses}”",
                                        en: "'uses' must name a plugin action as plugin.action, not '{uses}'")
    public let unknownPlugin = MessageText("validation.unknown-plugin", zh: "未知的插件“{plugin}”", en: "unknown plugin '{plugin}'")
    public let knownPlugins = MessageText("validation.known-plugins", zh: "已有的插件：{names}", en: "known plugins: {names}")
    public let noSuchAction = MessageText("validation.no-such-action", zh: "插件“{plugin}”没有动作“{action}”",
                                       en: "plugin '{plugin}' has no action '{action}'")
    public let actionRenamed = MessageText("validation.action-renamed", zh: "“{uses}”已改名为“{now}”；旧名仍可使用，但将来会去掉",
                                        en: "'{uses}' is now '{now}'; the old name still works but will go")
    public let actionRenamedHint = MessageText("validation.action-renamed-hint", zh: "改写为 uses: {now}", en: "write uses: {now}")
    public let noSuchParameter = MessageText("validation.no-such-parameter", zh: "“{uses}”没有参数“{name}”",
                                          en: "'{uses}' has no parameter '{name}'")
    public let parameterNeedsValue = MessageText("validation.parameter-needs-value", zh: "“{uses}”的参数“{name}”需要一个值",
                                              en: "parameter '{name}' of '{uses}' needs a value")
    public let parameterProblem = MessageText("validation.parameter-problem", zh: "参数“{name}”{why}",
                                           en: "parameter '{name}' {why}")
    public let missingFile = MessageText("validation.missing-file", zh: "文件“{path}”不存在（找的是 {looked}）",
                                      en: "file '{path}' does not exist (looked for {looked})")
    public let pathsRelative = MessageText("validation.paths-relative", zh: "路径相对于 {file} 所在的文件夹",
                                        en: "paths are relative to the folder of {file}")
    public let missingParameter = MessageText("validation.missing-parameter", zh: "“{uses}”需要参数“{name}”（{type}）：{doc}",
                                           en: "'{uses}' needs parameter '{name}' ({type}): {doc}")
    public let addUnderWith = MessageText("validation.add-under-with", zh: "把它加在 'with:' 下面", en: "add it under 'with:'")
    public let cycle = MessageText("validation.cycle", zh: "这些步骤互相依赖，形成了一个环：{path}",
                                en: "steps depend on each other in a cycle: {path}")
    public let cycleHint = MessageText("validation.cycle-hint", zh: "去掉其中一个 'needs'，让步骤能按顺序运行",
                                    en: "remove one of these 'needs' so the steps can run in an order")
    public let externalNotRun = MessageText("validation.external-not-run", zh: "这里不运行外部插件",
                                         en: "external plugins are not run here")

    // Expressions.
    public let statusOutsideIf = MessageText(
        "validation.status-outside-if", zh: "“{function}()”询问的是步骤所依赖的步骤结束得怎样，只有 'if:' 能这样问",
        en: "'{function}()' asks how the step's needs ended, which only 'if:' can ask")
    public let statusOutsideIfHint = MessageText("validation.status-outside-if-hint",
                                              zh: "把它移到步骤的 'if:' 里，例如 if: ${{ failure() }}",
                                              en: "move it into the step's 'if:', e.g. if: ${{ failure() }}")
    public let itemWithoutFanOut = MessageText(
        "validation.item-without-fan-out", zh: "只有带 'for_each' 的步骤才有 'item'（步骤“{step}”没有 'for_each'）",
        en: "'item' is only defined in a step with 'for_each' (step '{step}' has none)")
    public let itemWithoutFanOutHint = MessageText(
        "validation.item-without-fan-out-hint", zh: "加上 'for_each:' 写明要逐项处理的列表，或改读 vars.NAME",
        en: "add 'for_each:' with the list to go over, or read vars.NAME instead")
    public let itemInFanOut = MessageText("validation.item-in-fan-out", zh: "'for_each' 不能读 'item'：读列表时还没有任何一项",
                                       en: "'for_each' cannot read 'item': the list is read before there are items")
    public let itemInFanOutHint = MessageText("validation.item-in-fan-out-hint", zh: "改为逐项处理 vars.NAME 或 steps.ID.outputs.NAME",
                                           en: "go over vars.NAME or steps.ID.outputs.NAME")
    public let itemHasNoKeys = MessageText("validation.item-has-no-keys", zh: "'for_each' 的各项是{type}，所以 'item' 没有键“{key}”",
                                        en: "the items of 'for_each' are {type}, so 'item' has no key '{key}'")
    public let itemHasNoKeysHint = MessageText("validation.item-has-no-keys-hint",
                                            zh: "写 ${{ item }} 表示这一项本身，或者把每一项写成映射",
                                            en: "write ${{ item }} for the item itself, or make each item a mapping")
    public let noItemHasKey = MessageText("validation.no-item-has-key", zh: "'for_each' 的各项都没有键“{key}”",
                                       en: "no item of 'for_each' has the key '{key}'")
    public let itemKeys = MessageText("validation.item-keys", zh: "各项的键：{keys}", en: "the items' keys: {keys}")
    public let needsReadAsResult = MessageText(
        "validation.needs-read-as-result",
        zh: "'needs' 要读成 needs.<id>.result（success、failure、skipped 或 cancelled），而不是“{text}”",
        en: "'needs' is read as needs.<id>.result (success, failure, skipped or cancelled), not '{text}'")
    public let readOutputsAs = MessageText("validation.read-outputs-as", zh: "输出要读成 steps.{step}.outputs.{rest}",
                                        en: "read outputs as steps.{step}.outputs.{rest}")
    public let doesNotNeed = MessageText("validation.does-not-need", zh: "步骤“{step}”没有依赖“{need}”，所以不能读它的结果",
                                      en: "step '{step}' does not need '{need}', so it cannot read its result")
    public let addToNeeds = MessageText("validation.add-to-needs", zh: "把“{need}”加到这个步骤的 'needs' 里",
                                     en: "add '{need}' to this step's 'needs'")
    public let fanOutTooMany = MessageText("validation.fan-out-too-many", zh: "“{source}”有 {count} 项；'for_each' 最多处理 {limit} 项",
                                        en: "'{source}' holds {count} items; 'for_each' goes over at most {limit}")
    public let fanOutNeedsList = MessageText("validation.fan-out-needs-list", zh: "'for_each' 需要一个列表，但 {path} 是{type}",
                                          en: "'for_each' needs a list, but {path} is {type}")
    public let quotedText = MessageText("validation.quoted-text", zh: "“{text}”", en: " '{text}'")
    public let declareListHint = MessageText("validation.declare-list-hint",
                                          zh: "在 'vars:' 下把它写成列表，例如 {name}: [城关镇, 河口镇]",
                                          en: "declare it as a list under 'vars:', e.g. {name}: [城关镇, 河口镇]")
    public let varsNeedsName = MessageText("validation.vars-needs-name", zh: "'vars' 后面要跟变量名，例如 vars.township",
                                        en: "'vars' needs a variable name, as in vars.township")
    public let unknownVariable = MessageText("validation.unknown-variable", zh: "未知的变量“{name}”", en: "unknown variable '{name}'")
    public let declareUnderVars = MessageText("validation.declare-under-vars", zh: "在文件开头的 'vars:' 下声明它",
                                           en: "declare it under 'vars:' at the top of the file")
    public let stepReferenceShape = MessageText(
        "validation.step-reference-shape", zh: "引用步骤要写成 steps.<id>.outputs.<name>，而不是“{text}”",
        en: "a step reference reads steps.<id>.outputs.<name>, not '{text}'")
    public let noStepWithID = MessageText("validation.no-step-with-id", zh: "没有步骤的 id 是“{id}”", en: "no step has the id '{id}'")
    public let notUpstream = MessageText(
        "validation.not-upstream", zh: "步骤“{step}”读取了“{target}”的输出，但“{target}”不在它的上游：那时它可能还没运行",
        en: "step '{step}' reads the outputs of '{target}', which is not upstream: it may not have run yet")
    public let noSuchOutput = MessageText("validation.no-such-output", zh: "“{uses}”（步骤“{target}”）没有输出“{output}”",
                                       en: "'{uses}' (step '{target}') has no output '{output}'")
    public let noOutputs = MessageText("validation.no-outputs", zh: "这个动作没有输出", en: "this action has no outputs")
    public let unknownName = MessageText("validation.unknown-name", zh: "表达式中有未知的名字“{name}”",
                                      en: "unknown name '{name}' in expression")
    public let expressionNames = MessageText(
        "validation.expression-names",
        zh: "表达式可以读 vars.NAME、steps.ID.outputs.KEY、needs.ID.result 或 item；文字要加引号，如 '文字'",
        en: "expressions read vars.NAME, steps.ID.outputs.KEY, needs.ID.result or item; quote text as 'text'")

    // Templates.
    public let inputsNeedsName = MessageText("validation.inputs-needs-name", zh: "'inputs' 后面要跟输入名，例如 inputs.date",
                                          en: "'inputs' needs an input's name, as in inputs.date")
    public let unknownInput = MessageText("validation.unknown-input", zh: "未知的输入“{name}”", en: "unknown input '{name}'")
    public let declareUnderInputs = MessageText("validation.declare-under-inputs", zh: "在文件开头的 'inputs:' 下声明它",
                                             en: "declare it under 'inputs:' at the top of the file")
    public let placeholderReadsOnlyInputs = MessageText(
        "validation.placeholder-reads-only-inputs", zh: "“{key}”只能读输入（inputs.NAME），不能读“{text}”",
        en: "'{key}' can only read inputs (inputs.NAME), not '{text}'")
    public let varsKnownAtStart = MessageText(
        "validation.vars-known-at-start", zh: "变量在活动建立时就确定，只能由输入算出；步骤的输出请在步骤里用 ${{ steps.ID.outputs.KEY }} 读取",
        en: "a variable is fixed when the campaign is made, from inputs only; read a step's outputs in the steps with ${{ steps.ID.outputs.KEY }}")
    public let nameKnownFirst = MessageText("validation.name-known-first", zh: "活动的名字在变量和步骤之前就要确定",
                                         en: "the campaign's name is known before its variables and steps")
    public let badDefault = MessageText("validation.bad-default", zh: "输入“{name}”的默认值{why}",
                                     en: "the default of input '{name}' {why}")
    public let templateHasNoInput = MessageText("validation.template-has-no-input", zh: "模板 {template} 没有输入“{name}”",
                                             en: "the template {template} has no input '{name}'")
    public let itsInputs = MessageText("validation.its-inputs", zh: "它的输入：{inputs}", en: "its inputs: {inputs}")
    public let inputRequired = MessageText("validation.input-required", zh: "必须给出输入“{name}”（声明在 {declared}）",
                                        en: "input '{name}' is required (declared at {declared})")
    public let inputProblem = MessageText("validation.input-problem", zh: "输入“{name}”{why}（声明在 {declared}）",
                                       en: "input '{name}' {why} (declared at {declared})")
    public let madeNameBad = MessageText(
        "validation.made-name-bad", zh: "由输入生成的活动名“{text}”不能为空，也不能包含空格或 '/'",
        en: "the campaign name '{text}' made from the inputs cannot be empty or contain spaces or '/'")
    public let madeNameBadHint = MessageText("validation.made-name-bad-hint", zh: "给出不含空格的输入，或用别的输入组成名字",
                                          en: "give inputs without spaces, or build the name from other inputs")
    public let madeDateBad = MessageText("validation.made-date-bad", zh: "由输入生成的 'date' 是“{text}”，不是 2026-03-01 这样的日期",
                                      en: "'date' made from the inputs is '{text}', not a day such as 2026-03-01")
    public let instanceUnknownKey = MessageText("validation.instance-unknown-key", zh: "使用模板的文件里有未知的键“{key}”",
                                             en: "unknown key '{key}' in a file that uses a template")
    public let instanceUnknownKeyHint = MessageText(
        "validation.instance-unknown-key-hint", zh: "这样的文件只有 'uses:'（模板）和 'with:'（它的输入）；其余内容属于模板",
        en: "such a file has only 'uses:' (the template) and 'with:' (its inputs); the rest belongs in the template")
    public let instanceUsesTemplate = MessageText(
        "validation.instance-uses-template", zh: "'uses' 应写模板文件，例如 uses: templates/spring-fair.yaml",
        en: "'uses' must name the template file, e.g. uses: templates/spring-fair.yaml")
    public let templateUnreadable = MessageText("validation.template-unreadable", zh: "无法读取模板“{path}”（找的是 {looked}）",
                                             en: "the template '{path}' cannot be read (looked for {looked})")
    public let relativeToFolder = MessageText("validation.relative-to-folder", zh: "路径相对于 {file} 所在的文件夹",
                                           en: "the path is relative to the folder of {file}")
    public let templateHasErrors = MessageText("validation.template-has-errors", zh: "模板“{path}”有 {count} 处错误，已按它们在模板中的位置列出",
                                            en: "the template '{path}' has {count} error(s), listed with their place in it")
    public let notATemplate = MessageText("validation.not-a-template", zh: "“{path}”是活动，不是模板（它没有声明 'inputs:'）",
                                       en: "'{path}' is a campaign, not a template (it declares no 'inputs:')")
    public let startItDirectly = MessageText("validation.start-it-directly", zh: "直接开始它：campaign start {path}",
                                          en: "start it directly: campaign start {path}")
    public let instanceWithNotMapping = MessageText("validation.instance-with-not-mapping", zh: "'with' 应是模板输入到值的映射",
                                                 en: "'with' must be a mapping of the template's inputs to values")

    // Errors of a whole file, and of --input.
    public let fileErrors = MessageText("validation.file-errors", zh: "{path}：{count} 处错误；什么都没有运行",
                                     en: "{path}: {count} errors; nothing was run")
    public let fileError = MessageText("validation.file-error", zh: "{path}：1 处错误；什么都没有运行",
                                    en: "{path}: 1 error; nothing was run")
    public let inputOfInstance = MessageText("validation.input-of-instance", zh: "--input {name}：{path} 的输入来自它的 'with:'",
                                          en: "--input {name}: {path} takes its inputs from its 'with:'")
    public let changeItThere = MessageText("validation.change-it-there", zh: "请在那里修改", en: "change the value there")
    public let notTemplateInput = MessageText("validation.not-template-input",
                                           zh: "--input {name}：{path} 不是模板（它没有声明 'inputs:'）",
                                           en: "--input {name}: {path} is not a template (it declares no 'inputs:')")
    public let useVar = MessageText("validation.use-var", zh: "要改其中一个变量，请用 --var NAME=VALUE",
                                 en: "use --var NAME=VALUE to change one of its variables")
    public let isTemplate = MessageText("validation.is-template", zh: "{path} 是模板：{problems}", en: "{path} is a template: {problems}")
    public let giveInputs = MessageText("validation.give-inputs", zh: "用 --input NAME=VALUE 给出它的输入——{inputs}",
                                     en: "give its inputs with --input NAME=VALUE — {inputs}")
}

/// Why a value does not fit a parameter's type, and the checks actions make of their parameters,
/// in Chinese and English — the shapes many plugins share ("'minutes' must be from 1 to 60").
public struct ParameterMessages: MessageCatalogue {
    public static let shared = ParameterMessages()

    public let mustBe = MessageText("parameter.must-be", zh: "应是{type}，而不是{actual}", en: "must be {type}, not {actual}")
    public let mustBeText = MessageText("parameter.must-be-text", zh: "应是{type}，而不是{actual}“{text}”",
                                     en: "must be {type}, not {actual} '{text}'")
    public let notDateTime = MessageText(
        "parameter.not-date-time", zh: "“{text}”不是 {from} 到 {to} 年之间的日期和时间；请写成 2026-03-01 08:00 这样",
        en: "'{text}' is not a date and time from {from} to {to}; write it like 2026-03-01 08:00")
    public let listOfSingleValues = MessageText("parameter.list-of-single-values", zh: "应是由单个值组成的列表",
                                             en: "must be a list of single values")
    public let notADay = MessageText("parameter.not-a-day", zh: "应是 2026-03-01 这样的日期，而不是“{text}”",
                                  en: "must be a day such as 2026-03-01, not '{text}'")
    public let outOfRange = MessageText("parameter.out-of-range", zh: "“{name}”应在 {low} 到 {high} 之间，而不是 {value}",
                                     en: "'{name}' must be from {low} to {high}, not {value}")
    public let outOfRangeYuan = MessageText("parameter.out-of-range-yuan", zh: "“{name}”应在 {low} 到 {high} 元之间，而不是 {value}",
                                         en: "'{name}' must be from {low} to {high} yuan, not {value}")
    public let notADate = MessageText("parameter.not-a-date", zh: "“{name}”：“{text}”不是 2026-02-20 这样的日期",
                                   en: "'{name}': '{text}' is not a date such as 2026-02-20")
    public let notATime = MessageText("parameter.not-a-time", zh: "“{name}”：“{text}”不是 06:00 这样的时刻",
                                   en: "'{name}': '{text}' is not a time such as 06:00")
    public let named = MessageText("parameter.named", zh: "“{name}”：", en: "'{name}': ")
    public let cron = MessageText("parameter.cron", zh: "cron 表达式“{text}”：", en: "cron '{text}': ")
    public let untilOrFor = MessageText("parameter.until-or-for", zh: "'until' 和 'for' 只能给一个", en: "give 'until' or 'for', not both")
    public let oneOfThree = MessageText("parameter.one-of-three", zh: "'until'、'for' 和 'at' 只能给一个",
                                     en: "give one of 'until', 'for' and 'at', not several")
    public let waitsForever = MessageText("parameter.waits-forever", zh: "core.wait 会永远等下去", en: "core.wait would wait forever")
    public let waitsForeverHint = MessageText("parameter.waits-forever-hint", zh: "给出 'until'、'for'、'at' 或 'signal: true'",
                                           en: "give 'until', 'for', 'at', or 'signal: true'")
    public let unknownLevel = MessageText("parameter.unknown-level", zh: "未知的级别“{level}”", en: "unknown level '{level}'")

    // Type words, as "must be {type}, not {actual}" names them.
    public let aText = MessageText("parameter.a-text", zh: "文字", en: "a text")
    public let anInteger = MessageText("parameter.an-integer", zh: "整数", en: "an integer")
    public let aNumber = MessageText("parameter.a-number", zh: "数", en: "a number")
    public let aBoolean = MessageText("parameter.a-boolean", zh: "true 或 false", en: "a boolean")
    public let aDateTime = MessageText("parameter.a-date-time", zh: "日期和时间", en: "a date-time")
    public let aDuration = MessageText("parameter.a-duration", zh: "时长", en: "a duration")
    public let aTextList = MessageText("parameter.a-text-list", zh: "文字列表", en: "a list of text")
    public let aFile = MessageText("parameter.a-file", zh: "文件", en: "a file")
    public let anOutputPath = MessageText("parameter.an-output-path", zh: "输出路径", en: "an output path")
    public let aMapping = MessageText("parameter.a-mapping", zh: "映射", en: "a mapping")
    public let null = MessageText("parameter.null", zh: "空值", en: "null")
    public let boolean = MessageText("parameter.boolean", zh: "布尔值", en: "boolean")
    public let integer = MessageText("parameter.integer", zh: "整数", en: "integer")
    public let number = MessageText("parameter.number", zh: "数", en: "number")
    public let text = MessageText("parameter.text", zh: "文字", en: "text")
    public let list = MessageText("parameter.list", zh: "列表", en: "list")
    public let mapping = MessageText("parameter.mapping", zh: "映射", en: "mapping")

    public let notASpan = MessageText("parameter.not-a-span", zh: "“{name}”不是 {example} 这样的时段",
                                      en: "'{name}' is not a span such as {example}")
    public let notASpanValue = MessageText("parameter.not-a-span-value", zh: "“{name}”：“{text}”不是 {example} 这样的时段",
                                           en: "'{name}': '{text}' is not a span such as {example}")
    public let atLeastAMinute = MessageText("parameter.at-least-a-minute", zh: "“{name}”至少要一分钟",
                                            en: "'{name}' must be at least a minute")
    public let atLeastAMinuteLike = MessageText("parameter.at-least-a-minute-like", zh: "“{name}”至少要一分钟，例如 {example}",
                                                en: "'{name}' must be at least a minute, such as {example}")
    public let durationLike = MessageText("parameter.duration-like", zh: "“{name}”应是 {example} 这样的时长",
                                          en: "'{name}' must be a span such as {example}")
    public let dayUnreadable = MessageText("parameter.day-unreadable", zh: "无法读取活动的日期“{day}”",
                                           en: "the campaign's day '{day}' cannot be read")
}

/// What is wrong in a `${{ }}` expression, in Chinese and English (shown after "表达式有误：").
public struct ExpressionMessages: MessageCatalogue {
    public static let shared = ExpressionMessages()

    public let tooLong = MessageText("expression.too-long", zh: "表达式超过 {limit} 个字符",
                                  en: "the expression is longer than {limit} characters")
    public let tooLongHint = MessageText("expression.too-long-hint", zh: "把它拆成几个步骤，或先把值算到一个变量里",
                                      en: "split it into steps, or compute the value into a variable")
    public let empty = MessageText("expression.empty", zh: "表达式是空的", en: "empty expression")
    public let emptyHint = MessageText("expression.empty-hint", zh: "写一个条件，例如 vars.walk_ins == true",
                                    en: "write a condition such as vars.walk_ins == true")
    public let afterComplete = MessageText("expression.after-complete", zh: "完整的表达式后面多了 {token}",
                                        en: "unexpected {token} after a complete expression")
    public let joinHint = MessageText("expression.join-hint", zh: "用 && 或 || 连接多个条件",
                                   en: "join conditions with && or ||")
    public let tooDeep = MessageText("expression.too-deep", zh: "表达式嵌套超过 {limit} 层",
                                  en: "the expression nests more than {limit} levels deep")
    public let tooDeepHint = MessageText("expression.too-deep-hint", zh: "去掉不需要的括号或 '!'",
                                      en: "remove parentheses or '!' that are not needed")
    public let unclosedParen = MessageText("expression.unclosed-paren", zh: "这里开始的 '(' 缺少对应的 ')'",
                                        en: "expected ')' to close the '(' opened here")
    public let foundAt = MessageText("expression.found-at", zh: "在第 {offset} 个字符处遇到了 {token}",
                                  en: "found {token} at {offset}")
    public let unknownFunction = MessageText("expression.unknown-function", zh: "未知的函数“{name}()”",
                                          en: "unknown function '{name}()'")
    public let functionsAre = MessageText("expression.functions-are", zh: "可用的函数：{known}", en: "the functions are {known}")
    public let didYouMeanFunction = MessageText(
        "expression.did-you-mean-function", zh: "您是不是要写“{name}()”？可用的函数：{known}",
        en: "did you mean '{name}()'? The functions are {known}")
    public let takesNothing = MessageText("expression.takes-nothing", zh: "“{name}()”的括号里不能有内容",
                                       en: "'{name}()' takes nothing between its parentheses")
    public let write = MessageText("expression.write", zh: "写成 {text}", en: "write {text}")
    public let nameAfterDot = MessageText("expression.name-after-dot", zh: "'.' 后面应是一个名字", en: "expected a name after '.'")
    public let endsEarly = MessageText("expression.ends-early", zh: "表达式提前结束了", en: "the expression ends too early")
    public let endsEarlyHint = MessageText("expression.ends-early-hint", zh: "最后一个运算符后面少了一个值",
                                        en: "a value is missing after the last operator")
    public let unexpected = MessageText("expression.unexpected", zh: "这里不应出现 {token}", en: "unexpected {token}")
    public let notANumber = MessageText("expression.not-a-number", zh: "“{text}”不是数字", en: "'{text}' is not a number")
    public let unclosedText = MessageText("expression.unclosed-text", zh: "从这里开始的文字缺少结尾的 {quote}",
                                       en: "text starting here has no closing {quote}")
    public let singleEquals = MessageText("expression.single-equals", zh: "'=' 不是运算符", en: "'=' is not an operator")
    public let compareHint = MessageText("expression.compare-hint", zh: "比较请用 '=='", en: "compare with '=='")
    public let singleAmpersand = MessageText("expression.single-operator", zh: "“{c}”不是运算符", en: "'{c}' is not an operator")
    public let doubleAnd = MessageText("expression.double-and", zh: "“并且”请写 '&&'", en: "write '&&' for and")
    public let doubleOr = MessageText("expression.double-or", zh: "“或者”请写 '||'", en: "write '||' for or")
    public let unexpectedCharacter = MessageText("expression.unexpected-character", zh: "意外的字符“{c}”",
                                              en: "unexpected character '{c}'")
    public let unclosedTemplate = MessageText("expression.unclosed-template", zh: "'${{' 没有闭合", en: "'${{' is not closed")
    public let unclosedTemplateHint = MessageText("expression.unclosed-template-hint", zh: "用 '}}' 结束表达式",
                                               en: "end the expression with '}}'")

    // Tokens, as messages name them.
    public let numberToken = MessageText("expression.number-token", zh: "数字 {value}", en: "number {value}")
    public let textToken = MessageText("expression.text-token", zh: "文字“{text}”", en: "text '{text}'")
    public let endToken = MessageText("expression.end-token", zh: "表达式结尾", en: "end of expression")
}

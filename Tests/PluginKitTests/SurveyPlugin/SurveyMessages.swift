import Workflow

/// A plugin words what it tells people through its own catalogue entries, Chinese and English.
enum SurveyMessages {
    static let notAnIDNumber = MessageText("survey.not-an-id-number", zh: "“{value}”不是身份证号",
                                           en: "'{value}' is not an ID number")
    static let notAScore = MessageText("survey.not-a-score", zh: "“{value}”不是 1 到 5 的评分",
                                       en: "'{value}' is not a score from 1 to 5")
}

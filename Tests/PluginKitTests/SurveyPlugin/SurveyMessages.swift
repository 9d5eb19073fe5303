import Workflow

/// A plugin words what it tells people through its own catalogue entries, Chinese and English.
struct SurveyMessages: MessageCatalogue {
    static let shared = SurveyMessages()

    let notAnIDNumber = MessageText("survey.not-an-id-number", zh: "“{value}”不是身份证号",
                                    en: "'{value}' is not an ID number")
    let notAScore = MessageText("survey.not-a-score", zh: "“{value}”不是 1 到 5 的评分",
                                en: "'{value}' is not a score from 1 to 5")
}

/// The words of its panel of the staff page.
struct SurveyPageWords: MessageCatalogue {
    static let shared = SurveyPageWords()

    let title = MessageText("survey-page.title", zh: "满意度调查", en: "Satisfaction survey")
    let answers = MessageText("survey-page.answers", zh: "{answers} 份答卷，平均 {average} 分", en: "{answers} answers, {average} on average")
}

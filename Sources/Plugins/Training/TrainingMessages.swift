import Workflow

/// What the training plugin says about its classes, sheets and sessions, in Chinese and English.
public struct TrainingMessages: MessageCatalogue {
    public static let shared = TrainingMessages()

    public let noSuchClass = MessageText("training.no-such-class", zh: "没有培训班“{class}”；本次培训的班级：{classes}",
                                         en: "there is no class '{class}'; the campaign's classes: {classes}")
    public let noClass = MessageText("training.no-class", zh: "{campaign} 还没有培训班：先运行 training.class 步骤",
                                     en: "{campaign} has no class yet: run a training.class step first")
    public let nameTheClass = MessageText("training.name-the-class", zh: "本次培训有多个班级（{classes}）：请写明 class",
                                          en: "the campaign has several classes ({classes}): say which with 'class'")
    public let completionShare = MessageText("training.completion-share", zh: "completion 应在 0 到 1 之间（如 0.8），不是 {value}",
                                             en: "completion is a share between 0 and 1 (e.g. 0.8), not {value}")
    public let notADay = MessageText("training.not-a-day", zh: "“{value}”不是日期（如 2026-03-02）",
                                     en: "'{value}' is not a day (e.g. 2026-03-02)")
    public let scheduleLength = MessageText("training.schedule-length", zh: "schedule 列了 {days} 天，但 sessions 是 {sessions}：每个课次一天",
                                            en: "schedule lists {days} days but sessions is {sessions}: one day per session")
    public let noSuchSession = MessageText("training.no-such-session", zh: "{class} 班只有 {sessions} 个课次，没有第 {session} 课",
                                           en: "class {class} has {sessions} sessions; there is no session {session}")
    public let sessionOpen = MessageText(
        "training.session-open", zh: "{class}（{trade}）第 {session} 课已开始考勤：培训老师在工作人员页面“课堂考勤”中逐个点名。下课后：{command}",
        en: "Session {session} of {class} ({trade}) is open for attendance: trainers mark trainees under 'Class attendance' on the staff page. When it ends: {command}")
    public let notInLedger = MessageText("training.not-in-ledger", zh: "身份证号 {id} 不在台账中：先导入报名表",
                                         en: "ID number {id} is not in the ledger: import the applications first")
    public let notEnrolled = MessageText("training.not-enrolled", zh: "身份证号 {id} 的学员未在 {class} 入班（或仍在候补）",
                                         en: "the trainee with ID number {id} is not enrolled in {class} (or still waiting)")
    public let noSession = MessageText("training.no-session", zh: "没有写课次", en: "no session given")
    public let notASession = MessageText("training.not-a-session", zh: "“{value}”不是 {class} 班的课次（第 1 到 {sessions} 课，或课表中的日期）",
                                         en: "'{value}' is not a session of {class} (1 to {sessions}, or a day of its schedule)")
    public let notAScore = MessageText("training.not-a-score", zh: "“{value}”不是成绩", en: "'{value}' is not a score")
    public let notAVerdict = MessageText("training.not-a-verdict", zh: "“{value}”不是考核结果：请写“合格”或“不合格”",
                                         en: "'{value}' is not a result: write passed or failed")
    public let certificateField = MessageText("training.field.certificate", zh: "证书编号", en: "the certificate number")
    public let noEmployer = MessageText("training.no-employer", zh: "没有写就业单位", en: "no employer given")
    public let attendanceKind = MessageText("training.kind.attendance", zh: "培训考勤表（学员、班级、课次）",
                                            en: "a training attendance sheet (trainee, class, session)")
    public let resultsKind = MessageText("training.kind.results", zh: "考核结果与职业技能等级证书",
                                         en: "exam results and skill certificates")
    public let employmentKind = MessageText("training.kind.employment", zh: "培训后就业情况",
                                            en: "employment after training")
    public let noOpenSession = MessageText("training.no-open-session", zh: "现在没有正在考勤的课次",
                                           en: "no session is open for attendance now")
    public let notTrainee = MessageText("training.not-trainee", zh: "此人未在 {class} 入班", en: "this person is not enrolled in {class}")
}

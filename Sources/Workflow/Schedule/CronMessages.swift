/// What is wrong in a `cron:` line, in Chinese and English.
public struct CronMessages: MessageCatalogue {
    public static let shared = CronMessages()

    public let minute = MessageText("cron.minute", zh: "分钟", en: "minute")
    public let hour = MessageText("cron.hour", zh: "小时", en: "hour")
    public let dayOfMonth = MessageText("cron.day-of-month", zh: "日", en: "day of month")
    public let month = MessageText("cron.month", zh: "月", en: "month")
    public let dayOfWeek = MessageText("cron.day-of-week", zh: "星期", en: "day of week")
    public let fiveFields = MessageText(
        "cron.five-fields", zh: "cron 计划有 5 个字段（分钟 小时 日 月 星期），这里有 {count} 个",
        en: "a cron schedule has 5 fields (minute hour day-of-month month day-of-week), this one has {count}")
    public let fiveFieldsHint = MessageText(
        "cron.five-fields-hint", zh: "例如 \"0 9 * * *\" 是每天 09:00；\"0 9 * * 1#1\" 是每月第一个星期一",
        en: "e.g. \"0 9 * * *\" is every day at 09:00; \"0 9 * * 1#1\" the first Monday of each month")
    public let badNth = MessageText(
        "cron.bad-nth", zh: "“{item}”中 '#' 后面的数应是 1 到 5（当月的第几个这样的星期几）",
        en: "in '{item}', the number after '#' must be 1 to 5 (which such weekday of the month)")
    public let badNthHint = MessageText("cron.bad-nth-hint", zh: "1#1 是当月第一个星期一",
                                     en: "1#1 is the first Monday of the month")
    public let badStep = MessageText("cron.bad-step", zh: "“{item}”（{field}）中的步长应是 1 到 {high} 之间的数",
                                  en: "the step in '{item}' ({field}) must be a number from 1 to {high}")
    public let badStepHint = MessageText("cron.bad-step-hint", zh: "例如 */15 表示每 15", en: "e.g. */15 for every 15")
    public let backwards = MessageText("cron.backwards", zh: "范围“{range}”（{field}）是倒着写的",
                                    en: "the range '{range}' ({field}) runs backwards")
    public let backwardsHint = MessageText("cron.backwards-hint", zh: "小的数写在前面", en: "write the smaller number first")
    public let doesNotFit = MessageText("cron.does-not-fit", zh: "“{text}”不符合{field}字段（{low}–{high}）",
                                     en: "'{text}' does not fit the {field} field ({low}–{high})")
    public let doesNotFitNamed = MessageText(
        "cron.does-not-fit-named", zh: "“{text}”不符合{field}字段（{low}–{high} 或 {first}–{last}）",
        en: "'{text}' does not fit the {field} field ({low}–{high} or {first}–{last})")
    public let fieldsAre = MessageText("cron.fields-are", zh: "各字段依次是：分钟 小时 日 月 星期",
                                    en: "the fields are: minute hour day-of-month month day-of-week")
}

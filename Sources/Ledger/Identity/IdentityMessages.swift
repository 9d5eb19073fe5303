import Workflow

/// What is wrong with an ID number, a phone number or a credit code, in Chinese and English (the
/// message catalogue). The identifier types throw typed problems; these word them, so an import's
/// reject file, the desk and the page say the same thing in the reader's language.
public struct IdentityMessages: MessageCatalogue {
    public static let shared = IdentityMessages()

    public let idLength = MessageText(
        "identity.id-length", zh: "应为 18 位，实为 {count} 位", en: "must have 18 characters, not {count}")
    public let idCharacters = MessageText(
        "identity.id-characters", zh: "只能是数字，最后一位可以是 X", en: "may hold only digits, with X as the last character")
    public let idBirthDate = MessageText(
        "identity.id-birth-date", zh: "中的出生日期 {date} 不存在或晚于今天",
        en: "holds the birth date {date}, which does not exist or is in the future")
    public let idCheckCharacter = MessageText(
        "identity.id-check-character", zh: "校验位是 {found}，应为 {expected}：可能有一位数字输错了",
        en: "has the check character {found} where {expected} is expected: a digit was probably mistyped")
    public let phoneNotMobile = MessageText(
        "identity.phone-not-mobile", zh: "应为以 1 开头的 11 位手机号（实为 {count} 位数字）",
        en: "must be an 11-digit mobile number starting with 1 (found {count} digits)")
    public let creditLength = MessageText(
        "identity.credit-length", zh: "应为 18 位，实为 {count} 位", en: "must have 18 characters, not {count}")
    public let creditCharacter = MessageText(
        "identity.credit-character", zh: "含有“{character}”，统一社会信用代码不用这些字母（I、O、S、V、Z）",
        en: "contains '{character}', which credit codes never use (no I, O, S, V or Z)")
    public let creditCheckCharacter = MessageText(
        "identity.credit-check-character", zh: "校验位是 {found}，应为 {expected}：可能有一位输错了",
        en: "has the check character {found} where {expected} is expected: a character was probably mistyped")

    /// `身份证号 341222********0000 ` + a problem: the subject a problem is said of.
    public let theIDNumber = MessageText("identity.the-id-number", zh: "身份证号 {id} ", en: "the ID number {id} ")
    public let thePhone = MessageText("identity.the-phone", zh: "手机号 {phone} ", en: "the phone number {phone} ")
    public let theCreditCode = MessageText(
        "identity.the-credit-code", zh: "统一社会信用代码 {code} ", en: "the credit code {code} ")
}

extension ResidentID.Problem {
    /// The problem in the reader's words, said of an ID number named before it.
    public var message: Message {
        switch self {
        case .length(let n): Message(IdentityMessages.idLength, ["count": String(n)])
        case .characters: Message(IdentityMessages.idCharacters)
        case .birthDate(let d): Message(IdentityMessages.idBirthDate, ["date": d])
        case .checkCharacter(let expected, let found):
            Message(IdentityMessages.idCheckCharacter, ["expected": String(expected), "found": String(found)])
        }
    }

    /// `身份证号 341222********0000 校验位是 0，应为 5…`, the number masked.
    public func said(of raw: String) -> Message {
        Message(IdentityMessages.theIDNumber, ["id": Masking.scrub(raw)]) + message
    }
}

extension PhoneNumber.Problem {
    public var message: Message {
        switch self {
        case .notMobile(let digits): Message(IdentityMessages.phoneNotMobile, ["count": String(digits.count)])
        }
    }

    /// `手机号 138****5678 应为…`, the number masked.
    public func said(of raw: String) -> Message {
        Message(IdentityMessages.thePhone, ["phone": Masking.scrub(raw)]) + message
    }
}

extension CreditCode.Problem {
    public var message: Message {
        switch self {
        case .length(let n): Message(IdentityMessages.creditLength, ["count": String(n)])
        case .character(let c): Message(IdentityMessages.creditCharacter, ["character": String(c)])
        case .checkCharacter(let expected, let found):
            Message(IdentityMessages.creditCheckCharacter, ["expected": String(expected), "found": String(found)])
        }
    }

    /// A credit code is a company's, not a person's: shown as typed.
    public func said(of raw: String) -> Message {
        Message(IdentityMessages.theCreditCode, ["code": raw]) + message
    }
}

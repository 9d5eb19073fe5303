import Workflow

/// What a look-up by badge code, ID number or phone says when it finds no one: the catalogue
/// entries check-in and outcome recording both word their refusals with.
public struct LookupMessages: MessageCatalogue {
    public static let shared = LookupMessages()

    public let invalidID = MessageText(
        "lookup.invalid-id", zh: "{input} 不是有效的身份证号；请核对或扫描参会证",
        en: "{input} is not a valid ID number; check it or scan the badge")
    public let unknownID = MessageText(
        "lookup.unknown-id", zh: "台账中没有身份证号为 {id} 的人员",
        en: "no one with ID number {id} is in the ledger")
    public let unknownPhone = MessageText(
        "lookup.unknown-phone", zh: "台账中没有手机号为 {phone} 的人员",
        en: "no one with phone {phone} is in the ledger")
    public let sharedPhone = MessageText(
        "lookup.shared-phone", zh: "手机号 {phone} 登记了多人；请扫描参会证或输入身份证号",
        en: "several people share phone {phone}; scan the badge or type the ID number")
    public let unknownCode = MessageText(
        "lookup.unknown-code", zh: "无法识别的码“{code}”：不是 {campaign} 的参会证",
        en: "unknown code '{code}': not a badge of {campaign}")
    public let tooLong = MessageText(
        "lookup.too-long", zh: "扫描内容长 {length} 个字符；参会证码、身份证号或手机号最多 {limit} 个字符",
        en: "what was scanned is {length} characters long; a badge code, ID number or phone number is at most {limit}")
}

/// A Chinese vehicle plate (机动车号牌): a province's one-character abbreviation, the issuing office's
/// letter, then five or six letters and digits (six for new-energy vehicles). Written `贵A·12345`
/// however it was typed (贵a12345, 贵A 12345, 贵A.12345).
public struct LicensePlate: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    static let provinces = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")

    public init?(_ text: String) {
        let compact = text.uppercased().filter { !" ·.-・•\u{3000}".contains($0) }
        let characters = Array(compact)
        guard (7...8).contains(characters.count), Self.provinces.contains(characters[0]),
              characters[1].isASCII, characters[1].isLetter,
              characters[2...].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        value = String(characters[0...1]) + "·" + String(characters[2...])
    }

    public var description: String { value }
}

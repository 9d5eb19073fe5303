/// The city and province of an enterprise's site, read from its address as enterprise lists write it
/// (浙江省宁波市北仑区, 宁波市北仑区, 广东东莞市长安镇): a province named in full or short, the city up to
/// its 市. A city without its province is looked up in the definition's `provinces:` mapping.
struct DestinationPlace: Sendable, Equatable {
    var city: String
    var province: String

    static let provinces = [
        "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省",
        "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
        "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
        "香港特别行政区", "澳门特别行政区",
    ]

    /// 浙江省 → 浙江, 广西壮族自治区 → 广西, 北京市 → 北京.
    static func shortName(_ province: String) -> String {
        for suffix in ["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"] where province.hasSuffix(suffix) {
            return String(province.dropLast(suffix.count))
        }
        return province
    }

    init(city: String, province: String) {
        self.city = city
        self.province = province
    }

    init(address: String, provinces known: [String: String] = [:]) {
        var rest = Substring(address.trimmingCharacters(in: .whitespaces))
        var province = ""
        for name in Self.provinces {
            if rest.hasPrefix(name) {
                province = name
                rest = rest.dropFirst(name.count)
                break
            }
            let short = Self.shortName(name)
            if rest.hasPrefix(short) {
                province = name
                rest = rest.dropFirst(short.count)
                break
            }
        }
        // A municipality is its own city (上海市浦东新区).
        if ["北京市", "天津市", "上海市", "重庆市"].contains(province) {
            city = province
        } else if let end = rest.firstIndex(of: "市"), rest.distance(from: rest.startIndex, to: end) <= 6 {
            city = String(rest[...end])
        } else {
            city = ""
        }
        if province.isEmpty, let mapped = known[city] ?? known[String(city.dropLast())] { province = mapped }
        self.province = province
    }
}

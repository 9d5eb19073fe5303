import Foundation
import Ledger
import WorkflowTesting

/// Synthetic but realistic ledgers — valid ID check digits, mobile numbers, credit codes — for
/// tests, the sample campaign and the import benchmark. Seeded, so the same call writes the same file.
public struct LedgerGenerator {
    var random: SplitMix64

    public init(seed: UInt64 = 2026) {
        random = SplitMix64(seed: seed)
    }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let givenChars = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉林玉珍红梅春兰海燕志刚永红金凤德明兴华宏亮小龙晓东春燕")
    public static let townships: [(String, [String])] = [
        ("城关镇", ["东街社区", "西街社区", "南关村", "北关村"]),
        ("河西镇", ["河西村", "柳树村", "新庄村", "王家村"]),
        ("青山乡", ["青山村", "石门村", "杨柳村"]),
        ("白沙镇", ["白沙村", "渡口村", "红旗村", "长坪村"]),
        ("龙泉乡", ["龙泉村", "高峰村", "双河村"]),
    ]
    static let groupMix: [(String, Int)] = [("脱贫人口", 30), ("监测对象", 8), ("脱贫人口、零就业家庭", 2),
                                            ("就业困难人员", 4), ("高校毕业生", 6), ("退役军人", 2), ("残疾人", 2),
                                            ("返乡农民工", 10), ("", 36)]
    static let skills = ["", "", "电焊", "厨师", "驾驶", "缝纫", "电工", "家政", "普工", "木工", "瓦工", "叉车"]
    static let wishes = ["普工", "电子厂操作工", "保洁", "保安", "厨师", "服装缝纫", "物流分拣", "建筑工", "护工", "司机"]

    public static let peopleHeader = ["姓名", "身份证号", "手机号", "乡镇", "村", "人员类别", "技能", "求职意向"]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    static let regions = ["522426", "522427", "433130", "511923", "341222"]
    var issued = 0

    /// A valid ID number, never the same twice from one generator (region, birth date and sequence
    /// number are spread from a counter; the order looks random enough for a ledger).
    public mutating func idNumber() -> String {
        let n = issued
        issued += 1
        let scrambled = (n &* 7_919) % 67_200  // 5 regions × 40 years × 12 months × 28 days
        let region = Self.regions[scrambled % 5]
        let date = scrambled / 5
        let year = 1966 + date / 336, month = date % 336 / 28 + 1, day = date % 28 + 1
        let sequence = n / 67_200 % 1000
        let first17 = region + String(format: "%04d%02d%02d%03d", year, month, day, sequence)
        return first17 + String(ResidentID.checkCharacter(for: first17))
    }

    public mutating func phone() -> String {
        let prefix = pick(["135", "138", "139", "150", "151", "152", "158", "182", "187", "189", "199"])
        return prefix + String(format: "%08d", Int(random.next() % 100_000_000))
    }

    public mutating func name() -> String {
        var name = String(pick(Self.surnames)) + String(pick(Self.givenChars))
        if random.next() % 3 > 0 { name.append(pick(Self.givenChars)) }
        return name
    }

    public mutating func personRow() -> [String] {
        let (township, villages) = pick(Self.townships)
        var roll = Int(random.next() % 100)
        var groups = ""
        for (label, weight) in Self.groupMix {
            if roll < weight {
                groups = label
                break
            }
            roll -= weight
        }
        return [name(), idNumber(), random.next() % 10 == 0 ? "" : phone(), township, pick(villages), groups,
                pick(Self.skills), pick(Self.wishes)]
    }

    public mutating func creditCode() -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var first17 = "91" + pick(["522426", "330212", "440300", "320583"])
        for _ in 0..<9 { first17.append(pick(alphabet)) }
        return first17 + String(CreditCode.checkCharacter(for: first17))
    }

    /// Writes `count` people as CSV (UTF-8 with BOM, or GB18030), streaming: a million rows take
    /// a few seconds and little memory.
    public mutating func writePeopleCSV(to url: URL, count: Int, encoding: TextEncoding = .utf8, bom: Bool = true) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = Data()
        func flush() throws {
            let bytes = encoding == .utf8 ? buffer : try Self.encode(String(decoding: buffer, as: UTF8.self), encoding)
            try handle.write(contentsOf: bytes)
            buffer.removeAll(keepingCapacity: true)
        }
        if encoding == .utf8 && bom { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        buffer.append(contentsOf: (Self.peopleHeader.joined(separator: ",") + "\r\n").utf8)
        for _ in 0..<count {
            buffer.append(contentsOf: (personRow().joined(separator: ",") + "\r\n").utf8)
            if buffer.count > 1 << 20 { try flush() }
        }
        try flush()
    }

    /// Text in GB18030, through iconv (Foundation on Linux does not encode it).
    public static func encode(_ text: String, _ encoding: TextEncoding) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding.rawValue.uppercased()]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(text.utf8)); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}

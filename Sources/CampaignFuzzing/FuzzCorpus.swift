import Foundation

/// The committed seed inputs under `Fuzz/corpus/TARGET/`: real files the parsers must take
/// (sample ledgers, definitions, expressions) and the hostile ones that broke them once.
public enum FuzzCorpus {
    /// The seed files of a target in `root` (the `Fuzz/corpus` folder), sorted by name.
    public static func seeds(_ target: FuzzTarget, root: URL) throws -> [(name: String, bytes: [UInt8])] {
        let folder = root.appendingPathComponent(target.rawValue)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }
}

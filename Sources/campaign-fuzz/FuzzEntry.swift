import CampaignFuzzing
import Foundation

// Two builds of one program. Under `scripts/fuzz` (built with `-sanitize=fuzzer -DFUZZING`)
// libFuzzer drives the target named by CAMPAIGN_FUZZ_TARGET and any broken promise aborts, so
// libFuzzer saves the input. Built normally, it replays files: `campaign-fuzz csv FILE...`
// runs each through the target and prints what broke — how a finding is reproduced and debugged.

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

nonisolated(unsafe) var fuzzTarget = FuzzTarget.csv
nonisolated(unsafe) var fuzzLab: FuzzLab?

/// SwiftPM links an executable's entry as `<module>_main`; libFuzzer's driver runs from here.
@_cdecl("campaign_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let name = ProcessInfo.processInfo.environment["CAMPAIGN_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("set CAMPAIGN_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue))\n".utf8))
        return 64
    }
    fuzzTarget = target
    do {
        fuzzLab = try FuzzLab()
    } catch {
        FileHandle.standardError.write(Data("cannot prepare the fuzz workspace: \(error)\n".utf8))
        return 69
    }
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, count in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        let problems = fuzzTarget.run(bytes, in: fuzzLab!)
        if !problems.isEmpty { fatalError("broken promise: " + problems.joined(separator: "; ")) }
        return 0
    }
}
#else
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let first = arguments.first, let target = FuzzTarget(rawValue: first), arguments.count > 1 else {
            print("usage: campaign-fuzz TARGET FILE|FOLDER...   (TARGET: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")))")
            exit(64)
        }
        do {
            let lab = try FuzzLab()
            var files: [URL] = []
            for path in arguments.dropFirst() {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    print("no such file: \(path)")
                    exit(66)
                }
                let url = URL(fileURLWithPath: path)
                if isFolder.boolValue {
                    let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                    files += names.map { url.appendingPathComponent($0) }
                } else {
                    files.append(url)
                }
            }
            var broken = 0
            for file in files {
                let problems = target.run(Array(try Data(contentsOf: file)), in: lab)
                if !problems.isEmpty {
                    broken += 1
                    print("✗ \(file.path): " + problems.joined(separator: "; "))
                }
            }
            print("\(files.count) inputs through \(target.rawValue): \(broken) broke a promise")
            exit(broken == 0 ? 0 : 1)
        } catch {
            print("error: \(error)")
            exit(70)
        }
    }
}
#endif

import Foundation
import Testing
import WorkflowTesting

/// A disk with no room left is said to be full (#33), whichever way SQLite reports it ("disk I/O
/// error" as often as "full"): the workspace on a small tmpfs, the rest of the disk filled, a check-in
/// refused with "the disk holding the workspace is full" and nothing half-written.
@Suite struct DiskFullTests {
    /// Whether this machine lets the tests mount a small tmpfs (root, as `scripts/test` runs).
    static let canMount: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("campaign-mount-probe-\(getpid())")
        try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: probe) }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.path]) == 0 else { return false }
        _ = run("/bin/umount", [probe.path])
        return true
    }()

    @discardableResult
    static func run(_ program: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: canMount, "needs root to mount a small tmpfs (scripts/test runs as root)"))
    func aFullDiskIsSaidToBeFull() throws {
        let dir = try TemporaryDirectory()
        let disk = dir.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.path]) == 0)
        defer { Self.run("/bin/umount", ["-l", disk.path]) }
        var cli = CLIRunner(directory: dir)
        let db = disk.appendingPathComponent("campaign.sqlite").path
        cli.environment["CAMPAIGN_DB"] = db
        let env = ["CAMPAIGN_NOW": "2026-03-01T09:00:00+08:00"]
        #expect(try cli.run("start", "workflows/spring-fair.yaml", "--var", "reports=\(dir.url.path)/reports", env: env).status == 0)
        // Fill what is left, to the last block.
        Self.run("/bin/dd", ["if=/dev/zero", "of=\(disk.path)/filler", "bs=4096"])
        let before = try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int
        let refused = try cli.run("register", "--campaign", "spring-fair-2026", "--name", "赵强", "--id-number",
                                  "522426199001010033", "--no-check-in", env: env)
        #expect(refused.status == 69, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stderr.contains("存放工作区的磁盘已满"), "\(refused.stderr)")
        #expect(refused.stderr.contains("在那块磁盘上腾出空间后重新运行命令"), "\(refused.stderr)")
        try FileManager.default.removeItem(atPath: "\(disk.path)/filler")
        #expect(try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int == before)
        #expect(try cli.run("register", "--campaign", "spring-fair-2026", "--name", "赵强", "--id-number",
                            "522426199001010033", "--no-check-in", env: env).status == 0)
    }
}

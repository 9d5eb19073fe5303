import Foundation
import GRDB
import Testing
import WorkflowTesting

/// A workspace on a read-only share, or sent to the county office for inspection: it can be read
/// by every reading command, and a write says "read-only" instead of failing obscurely.
@Suite struct ReadOnlyWorkspaceTests {
    /// Runs the binary as a user who cannot write the workspace: as root (who may write anything),
    /// through `setpriv` as nobody; otherwise as this user, with the permissions taken away.
    static func runWithoutWriteAccess(_ cli: CLIRunner, _ arguments: String..., env: [String: String])
        throws -> CLIRunner.Result {
        let process = cli.process(arguments, extraEnvironment: env)
        if getuid() == 0 {
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLIRunner.binary.path] + arguments
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        }
        return try CLIRunner.capture(process)
    }

    @Test func statusTallyAndCheckinsReadAReadOnlyWorkspaceAndAWriteSaysWhy() throws {
        let dir = try TemporaryDirectory()
        let (cli, env, _, _) = try ServerTests.fairDayWithStaff(dir)
        #expect(try cli.run("checkin", "--campaign", "spring-fair-2026", "341222197009160001", "--gate", "north",
                            env: env).status == 0)
        let files = FileManager.default
        try files.setAttributes([.posixPermissions: 0o444], ofItemAtPath: cli.database)
        try files.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.url.path)
        defer { try? files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.url.path) }
        let before = try files.contentsOfDirectory(atPath: dir.url.path).sorted()

        let status = try Self.runWithoutWriteAccess(cli, "status", env: env)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("spring-fair-2026"))
        let tally = try Self.runWithoutWriteAccess(cli, "tally", "spring-fair-2026", "--lang", "en", env: env)
        #expect(tally.status == 0, "\(tally.stderr)")
        #expect(tally.stdout.split(separator: "\n").contains { $0.hasPrefix("attended ") && $0.split(separator: " ").dropFirst().first == "1" },
                "\(tally.stdout)")
        let checkins = try Self.runWithoutWriteAccess(cli, "checkins", "--campaign", "spring-fair-2026", env: env)
        #expect(checkins.status == 0, "\(checkins.stderr)")
        #expect(checkins.stdout.contains("341222********0001"))
        #expect(checkins.stdout.contains("共 1 人签到"), "\(checkins.stdout)")

        let write = try Self.runWithoutWriteAccess(cli, "checkin", "--campaign", "spring-fair-2026", "511923197506040007",
                                                   "--gate", "north", env: env)
        #expect(write.status == 69)
        #expect(write.stderr.contains("工作区是只读的，无法保存任何内容"), "\(write.stderr)")
        #expect(write.stderr.contains("或把它复制到可写的地方"))
        // Nothing was created beside the workspace (no log, no lock file on the read-only disk).
        #expect(try files.contentsOfDirectory(atPath: dir.url.path).sorted() == before)

        // A backup of it (#33) succeeds, audited in the backup itself, which a restore keeps.
        let elsewhere = try TemporaryDirectory()
        try files.setAttributes([.posixPermissions: 0o777], ofItemAtPath: elsewhere.url.path)   // writable by whoever runs it
        let backup = elsewhere.url.appendingPathComponent("copy.sqlite").path
        let made = try Self.runWithoutWriteAccess(cli, "backup", "--to", backup, "--by", "周科长", env: env)
        #expect(made.status == 0, "\(made.stderr)")
        let audited = try DatabaseQueue(path: backup).read { db in
            try String.fetchAll(db, sql: "SELECT actor || ' ' || action || ' ' || detail FROM audit_log WHERE action = 'backup'")
        }
        #expect(audited.count == 1 && audited[0].hasPrefix("周科长 backup \(backup)"), "\(audited)")
        #expect(audited.first?.hasSuffix("taken of the read-only workspace \(cli.database)") == true, "\(audited)")
    }
}

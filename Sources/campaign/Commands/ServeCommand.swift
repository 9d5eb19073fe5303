import ArgumentParser
import CampaignServer
import Foundation
import Ledger
import Workflow

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the check-in page and JSON API to staff phones and laptops on the local network.",
        discussion: """
            Staff open http://THIS-MACHINE:PORT/ and sign in with a token from `campaign staff add`.
            The campaign's check-in step (checkin.gate) must have started: it opens the checkpoint.
            """)

    @Option(help: "The campaign whose check-in to serve.") var campaign: String
    @Option(help: "The checkpoint (default: gate).") var checkpoint = "gate"
    @Option(help: "The address to listen on (0.0.0.0: every network; 127.0.0.1: this machine only).")
    var host = "0.0.0.0"
    @Option(help: "The port.") var port = 8080
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        try await CommandSupport.reportingErrors {
            let ws = try workspace.openExisting()
            let staffCount = try await ws.pool.read { db in
                _ = try RunQueries.requireRun(campaign, in: db)
                return try StaffAccounts.list(db: db).filter { $0.revoked == nil }.count
            }
            let server = CheckinServer(workspace: ws, campaign: campaign, checkpoint: checkpoint,
                                       clock: try CommandSupport.clock())
            let t = Terminal.standard
            t.line(t.bold("Check-in for \(campaign)") + " at http://\(host == "0.0.0.0" ? "<this machine's address>" : host):\(port)/")
            if staffCount == 0 {
                t.line(t.yellow("No staff accounts yet: add one with `campaign staff add NAME`, then sign in with its token."))
            }
            t.line(t.dim("Stop with Ctrl-C."))
            try await server.run(host: host, port: port, logger: CommandSupport.logger())
        }
    }
}

struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Manage staff sign-in tokens for the check-in page.",
        subcommands: [Add.self, List.self, Revoke.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a staff account and print its sign-in token.")
        @Argument(help: "The staff member's name, shown with each scan they make.") var name: String
        @Option(help: "staff (check-in, walk-ins) or manager (also the ledger and reports).") var role: StaffRole = .staff
        @Option(help: "The check-in page's address, e.g. http://192.168.1.10:8080 — prints a QR code that signs a phone in.")
        var url: String?
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            try await CommandSupport.reportingErrors {
                let now = try CommandSupport.clock().now()
                let token = try await workspace.open().pool.write { db in
                    try StaffAccounts.add(name: name, role: role, now: now, db: db)
                }
                let t = Terminal.standard
                t.line("\(t.green("✓")) \(name) (\(role.rawValue)) can sign in with this token — it is shown only now:")
                t.line("  \(t.bold(token))")
                if let url {
                    let link = url.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/#token=\(token)"
                    t.line("  Sign-in link: \(link)\n  Scan it with the phone's camera:")
                    t.line(try QRCode(link).terminal())
                }
                t.line(t.dim("  Revoke it with: campaign staff revoke \(name)"))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List staff accounts (tokens are never shown again).")
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            try await CommandSupport.reportingErrors {
                let accounts = try await workspace.openExisting().pool.read { db in try StaffAccounts.list(db: db) }
                let t = Terminal.standard
                if accounts.isEmpty { t.line("No staff accounts. Add one: campaign staff add NAME") }
                let zone = TimeZone(identifier: "Asia/Shanghai")!
                for (member, created, revoked) in accounts {
                    let state = revoked.map { "revoked \(TimeFormats.display($0, timeZone: zone))" } ?? "active"
                    t.line("\(Terminal.pad(member.name, 16)) \(Terminal.pad(member.role.rawValue, 8)) since "
                           + "\(TimeFormats.display(created, timeZone: zone))  \(state)")
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a staff member's token at once.")
        @Argument(help: "The staff member's name.") var name: String
        @OptionGroup var workspace: WorkspaceOptions

        func run() async throws {
            try await CommandSupport.reportingErrors {
                let now = try CommandSupport.clock().now()
                try await workspace.openExisting().pool.write { db in try StaffAccounts.revoke(name: name, now: now, db: db) }
                Terminal.standard.line("✓ \(name)'s token no longer works")
            }
        }
    }
}

extension StaffRole: ExpressibleByArgument {}

import Foundation
import Synchronization
import PluginKit
import Workflow

/// The daemon's chore of shredding campaigns whose `retention:` has ended. Looked for once a minute:
/// retention is counted in days, and a round every second need not read every run.
final class RetentionChore: Sendable {
    let workspace: Workspace
    private let lastLook = Mutex<Date?>(nil)

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    @Sendable func run(now: Date) async throws -> [String] {
        let due = lastLook.withLock { last -> Bool in
            guard last.map({ now.timeIntervalSince($0) >= 60 || now < $0 }) ?? true else { return false }
            last = now
            return true
        }
        guard due, !workspace.isReadOnly else { return [] }
        return try Shredding.shredDue(workspace, plugins: PluginSystem.plugins, now: now).map { plan in
            let said = AdminMessages.retentionEnded(["campaign": plan.campaign, "count": "\(plan.people)"])
            return (plan.kept > 0 ? said + .verbatim(", ") + AdminMessages.keptElsewhere(["count": "\(plan.kept)", "by": ""]) : said)
                .text(.fromEnvironment())
        }
    }
}

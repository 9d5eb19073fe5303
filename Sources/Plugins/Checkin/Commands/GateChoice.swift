import GRDB
import Workflow

/// `--gate` at a checkpoint that names its gates: required (a scan without one lands in reports as
/// "(no gate)"), and matched without regard to case, so `--gate North` is the north gate.
enum GateChoice {
    /// The gate as the checkpoint spells it; `given` when the checkpoint names no gates.
    static func resolve(_ db: Database, _ given: String, campaign: String, checkpoint: String) throws -> String {
        let gates = try Scans.gates(db, campaign: campaign, checkpoint: checkpoint)
        let trimmed = given.trimmingCharacters(in: .whitespaces)
        guard !gates.isEmpty else { return trimmed }
        guard !trimmed.isEmpty else {
            throw WorkflowError.usage(GateMessages.sayGate(["checkpoint": checkpoint, "gates": gates.joined(separator: ", ")]),
                                      hint: GateMessages.example(["gate": gates[0]]))
        }
        if let match = gates.first(where: { $0.caseInsensitiveCompare(trimmed) == .orderedSame }) { return match }
        // Or by the name people read for it (`--gate 北门`).
        let names = try Scans.gateNames(db, campaign: campaign, checkpoint: checkpoint)
        if let match = names.first(where: { $0.value == trimmed })?.key { return match }
        throw WorkflowError.usage(GateMessages.noSuchGate(["gate": Masking.scrub(trimmed), "checkpoint": checkpoint, "gates": gates.joined(separator: ", ")]),
                                  hint: Suggestions.message(for: trimmed, among: gates) ?? GateMessages.example(["gate": gates[0]]))
    }
}

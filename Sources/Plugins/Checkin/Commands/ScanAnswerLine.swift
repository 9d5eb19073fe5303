import PluginKit
import Workflow

/// A scan's answer as a terminal line — green, amber or red — for `checkin` and `attend-enterprise`.
enum ScanAnswerLine {
    /// Prints the answer; true when it was a refusal (the command then exits 1, so a script can beep).
    static func print(_ answer: ScanAnswer, in language: Language) -> Bool {
        let t = Terminal.standard
        let who = [answer.maskedName, answer.maskedID].compactMap { $0 }.joined(separator: " ")
        let groups = answer.groups.isEmpty ? "" : " [\(answer.groups.joined(separator: "、"))]"
        let reason = answer.message.text(language)
        switch answer.result {
        case .accepted: t.line(t.green("✓ \(who)\(groups) — \(reason)"))
        case .repeat_: t.line(t.yellow("• \(who)\(groups) — \(reason)"))
        case .rejected: t.line(t.red("✗ " + (who.isEmpty ? "" : "\(who)\(groups) — ") + reason))
        }
        return answer.result == .rejected
    }
}

import Foundation
import Hummingbird
import PluginKit
import Workflow

/// What the run page shows of a run: its steps laid out as a graph (columns by depth in `needs`),
/// each with its state, what it waits for, and its instances; and the latest history.
struct RunView: ResponseEncodable, Sendable {
    struct Step: Codable, Sendable {
        var id: String
        var name: String?
        var uses: String
        var status: String
        var needs: [String]
        /// Column (longest path from a step that needs nothing) and row within it.
        var column: Int
        var row: Int
        var prompt: String?
        var error: String?
        var due: String?
        var awaitsSignal: Bool
        /// For a `for_each` step: instances per state.
        var instances: [String: Int]?
        /// Its instances that wait (for a signal or a time) or failed.
        var notable: [Instance]
    }

    struct Instance: Codable, Sendable {
        var id: String
        var number: Int
        var item: String
        var status: String
        var prompt: String?
        var awaitsSignal: Bool
    }

    struct Event: Codable, Sendable {
        var at: String
        var step: String?
        var kind: String
        var message: String?
        /// The kind in the reader's language (活动等待 for `run-waiting`), from the history's catalogue.
        var kindWords: String
        /// The message as a person reads it: a step's outputs as `key: value · …`, not their JSON.
        var details: String?
    }

    var campaign: String
    var title: String?
    var status: String
    var started: String
    var cancelledBy: String?
    var steps: [Step]
    var history: [Event]
    /// Whether the signed-in person may signal waiting steps (organizers).
    var canSignal: Bool

    /// History entries shown (the latest ones); `campaign history` has them all.
    static let historyShown = 60
    static let instancesShown = 50

    init(summary: RunSummary, events: [EventRecord], canSignal: Bool, language: Language = .zh) {
        let run = summary.run
        let zone = run.timeZone
        campaign = run.campaign
        title = run.title
        status = run.status.rawValue
        started = TimeFormats.display(run.createdAt, timeZone: zone)
        cancelledBy = run.cancelledBy
        self.canSignal = canSignal
        let definition = summary.definition
        let graph = StepGraph(steps: definition.steps)
        var column = Array(repeating: 0, count: definition.steps.count)
        for i in graph.topologicalOrder ?? [] {
            column[i] = (graph.needs[i].map { column[$0] + 1 }.max()) ?? 0
        }
        var rows: [Int: Int] = [:]
        let records = Dictionary(summary.steps.filter { !$0.isInstance }.map { ($0.stepId, $0) },
                                 uniquingKeysWith: { first, _ in first })
        let instances = Dictionary(grouping: summary.steps.filter(\.isInstance), by: { $0.parentStep ?? "" })
        steps = definition.steps.enumerated().map { index, step in
            let record = records[step.id]
            let row = rows[column[index], default: 0]
            rows[column[index]] = row + 1
            let mine = instances[step.id] ?? []
            return Step(id: step.id, name: step.name, uses: step.uses, status: record?.status.rawValue ?? "pending",
                        needs: step.needIDs, column: column[index], row: row,
                        prompt: record?.status == .waiting ? record?.prompt : nil, error: record?.error,
                        due: record?.dueAt.map { TimeFormats.display($0, timeZone: zone) },
                        awaitsSignal: record?.status == .waiting && record?.awaitsSignal == true,
                        instances: record?.fanOut == nil ? nil
                            : Dictionary(grouping: mine, by: \.status.rawValue).mapValues(\.count),
                        notable: mine.filter { [.waiting, .failed, .retrying, .running].contains($0.status) }
                            .prefix(Self.instancesShown).map { instance in
                                Instance(id: instance.stepId, number: instance.itemNumber ?? 0,
                                         item: instance.item?.itemLabel ?? "", status: instance.status.rawValue,
                                         prompt: instance.prompt, awaitsSignal: instance.status == .waiting && instance.awaitsSignal)
                            })
        }
        history = events.suffix(Self.historyShown).reversed().map {
            Event(at: TimeFormats.display($0.at, timeZone: zone, seconds: true), step: $0.stepId, kind: $0.kind,
                  message: $0.message, kindWords: HistoryMessages.word($0.kind, language), details: $0.message.map(Self.readable))
        }
    }

    /// `{"interviews":92,"unmet":3}` → `interviews: 92 · unmet: 3`; any other message as it is.
    static func readable(_ message: String) -> String {
        guard message.hasPrefix("{"), let object = (try? JSONSerialization.jsonObject(with: Data(message.utf8))) as? [String: Any]
        else { return message }
        return object.keys.sorted().map { key in
            let value = object[key].map { value in
                (value as? String) ?? (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]))
                    .map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
            } ?? ""
            return "\(key): \(value)"
        }.joined(separator: " · ")
    }
}

/// A run in the list of the run page.
struct RunListItem: ResponseEncodable, Sendable {
    var campaign: String
    var title: String?
    var kind: String
    var status: String
    var done: Int
    var total: Int
    var updated: String
}

import Foundation
import Synchronization

/// Learns what a definition's external plugins offer by running each program once with
/// `describe`, and turns the answers into plugins the validator and the engine use like the
/// compiled-in ones. Every problem is a diagnostic at the `plugins:` entry at fault.
public enum ExternalPluginCatalog {
    /// How long `PROGRAM describe` may take.
    static let describeLimit = Duration.seconds(10)

    /// The external plugins of a definition; problems go to `diagnostics`.
    public static func plugins(of definition: WorkflowDefinition, besides registry: PluginRegistry,
                               diagnostics: inout DiagnosticList) -> [Plugin] {
        var seen = Set<String>()
        return definition.plugins.compactMap { declaration -> Plugin? in
            guard registry.plugin(declaration.name) == nil else {
                diagnostics.error(ExternalPluginMessages.builtInName(["name": declaration.name]), at: declaration.nameLocation,
                                  length: declaration.name.count, hint: ExternalPluginMessages.builtInNameHint(["name": declaration.name]))
                return nil
            }
            guard seen.insert(declaration.name).inserted else { return nil }
            let program = programURL(declaration.path, directory: definition.directory)
            switch describe(program, name: declaration.name, directory: definition.directory, env: declaration.env) {
            case .success(let plugin):
                return plugin
            case .failure(let problem):
                diagnostics.error(ExternalPluginMessages.plugin(["name": declaration.name]) + problem.message, at: declaration.pathLocation,
                                  length: declaration.path.count, hint: problem.hint)
                return nil
            }
        }
    }

    static func programURL(_ path: String, directory: URL) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)).standardizedFileURL
    }

    /// Why a plugin could not be described, worded for the person who wrote its `plugins:` entry.
    struct Problem: Error {
        var message: Message
        var hint: Message?
    }

    /// Descriptions already learned in this process, by program and its modification time: a
    /// daemon or a status page validates the same definition again and again.
    private static let learned = Mutex<[String: Plugin]>([:])

    static func describe(_ program: URL, name: String, directory: URL, env: [String] = []) -> Result<Plugin, Problem> {
        let path = program.path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            let folder = program.deletingLastPathComponent()
            let siblings = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return .failure(Problem(message: ExternalPluginMessages.noProgram(["path": path]),
                                    hint: Suggestions.message(for: program.lastPathComponent, among: siblings)
                                        ?? ExternalPluginMessages.relativeToDefinition()))
        }
        guard access(path, X_OK) == 0, attributes[.type] as? FileAttributeType != .typeDirectory else {
            return .failure(Problem(message: ExternalPluginMessages.notExecutable(["path": path]), hint: ExternalPluginMessages.chmodHint(["path": path])))
        }
        let key = "\(name)\u{0}\(path)\u{0}\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            + "\u{0}\(attributes[.size] as? Int ?? 0)\u{0}\(env.joined(separator: ","))"
        if let known = learned.withLock({ $0[key] }) { return .success(known) }
        let result = runDescribe(program, name: name, directory: directory, env: env)
        if case .success(let plugin) = result { learned.withLock { $0[key] = plugin } }
        return result
    }

    private static func runDescribe(_ program: URL, name: String, directory: URL, env: [String]) -> Result<Plugin, Problem> {
        let process = PluginProcess(executable: program, arguments: ["describe"], directory: directory,
                                    environment: ["CAMPAIGN_PLUGIN_PROTOCOL": String(ExternalProtocol.version)], passing: env)
        let finished: PluginProcess.Finished
        do {
            finished = try process.runBlocking(input: nil, limit: describeLimit)
        } catch {
            return .failure(Problem(message: ExternalPluginMessages.cannotRun(["reason": error.reason])))
        }
        let stderr = ExternalReplies.tail(of: finished.stderr)
        switch finished.status {
        case .stopped:
            return .failure(Problem(message: ExternalPluginMessages.describeStopped(["limit": TimeFormats.display(describeLimit)]),
                                    hint: ExternalPluginMessages.describeAtOnce()))
        case .signalled(let signal):
            return .failure(Problem(message: ExternalPluginMessages.describeKilled(["signal": "\(signal)", "stderr": stderr.map { ": \($0)" }.orEmpty])))
        case .exited(let code) where code != 0:
            return .failure(Problem(message: ExternalPluginMessages.describeExited(["code": "\(code)", "stderr": stderr.map { ": \($0)" }.orEmpty]),
                                    hint: ExternalPluginMessages.runItYourself(["command": "\(program.path) describe"])))
        case .exited:
            break
        }
        let description: ExternalProtocol.Description
        do {
            description = try JSONDecoder().decode(ExternalProtocol.Description.self, from: finished.stdout)
        } catch {
            return .failure(Problem(message: ExternalPluginMessages.notProtocol(["reason": ExternalReplies.decodingReason(error),
                                                            "answer": ExternalReplies.quote(finished.stdout)]),
                                    hint: ExternalPluginMessages.seeProtocol()))
        }
        guard description.protocol == ExternalProtocol.version else {
            return .failure(Problem(message: ExternalPluginMessages.otherVersion(["theirs": "\(description.protocol)",
                                                             "ours": "\(ExternalProtocol.version)"]),
                                    hint: ExternalPluginMessages.updateHint()))
        }
        return plugin(from: description, name: name, program: program, env: env)
    }

    private static func plugin(from description: ExternalProtocol.Description, name: String,
                               program: URL, env: [String]) -> Result<Plugin, Problem> {
        var actions: [ExternalAction] = []
        var names = Set<String>()
        for action in description.actions {
            guard DefinitionLoader.isIdentifier(action.name), names.insert(action.name).inserted else {
                return .failure(Problem(message: ExternalPluginMessages.badActionName(["action": action.name])))
            }
            var parameters: [ParameterSpec] = []
            for parameter in action.parameters ?? [] {
                guard let type = ExternalProtocol.parameterType(parameter.type) else {
                    return .failure(Problem(message: ExternalPluginMessages.unknownType(["action": action.name, "parameter": parameter.name,
                                                                    "type": parameter.type ?? "",
                                                                    "types": ExternalProtocol.typeNames.joined(separator: ", ")])))
                }
                parameters.append(ParameterSpec(parameter.name, type, required: parameter.required ?? false,
                                                default: parameter.default, doc: parameter.doc ?? ""))
            }
            let outputs = (action.outputs ?? []).map { OutputSpec($0.name, doc: $0.doc ?? "") }
                + (action.waits == true ? OutputSpec.wakeOutputs : [])
            let descriptor = ActionDescriptor(name: action.name, summary: action.summary ?? "", parameters: parameters,
                                              outputs: outputs, waitsForPeople: action.waits ?? false)
            actions.append(ExternalAction(plugin: name, described: descriptor, program: program, env: env))
        }
        guard !actions.isEmpty else { return .failure(Problem(message: ExternalPluginMessages.noActions())) }
        var plugin = Plugin(name: name, summary: description.summary ?? "", actions: actions)
        plugin.program = program.path
        return .success(plugin)
    }

}

extension Optional where Wrapped == String {
    var orEmpty: String { self ?? "" }
}

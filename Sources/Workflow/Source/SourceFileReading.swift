import Foundation

/// Reading a definition from disk, with a suggestion when the path is close to a file that exists.
extension SourceFile {
    /// A file beside `url` whose name is close to its name (`spring_fair.yaml` → `spring-fair.yaml`),
    /// written the way the user wrote the path.
    static func similarFile(to url: URL) -> String? {
        let folder = url.deletingLastPathComponent()
        // `campaign start spring-fair.yaml` beside the workflows/ folder that holds it.
        let inWorkflows = folder.appendingPathComponent("workflows").appendingPathComponent(url.lastPathComponent)
        if !url.relativeString.contains("/"), FileManager.default.fileExists(atPath: inWorkflows.path) {
            return "workflows/" + url.lastPathComponent
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard let name = Suggestions.closest(to: url.lastPathComponent, among: names.filter { !$0.hasPrefix(".") }) else {
            return nil
        }
        let written = url.relativeString.contains("/") ? url.deletingLastPathComponent().relativePath + "/" : ""
        return written + name
    }

    public static func read(path: String) throws -> SourceFile {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WorkflowError.unavailable(WorkspaceMessages.cannotReadFile(["path": path]),
                                            hint: similarFile(to: url).map { EngineMessages.didYouMean(["name": $0]) }
                                                ?? WorkspaceMessages.checkPath())
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkflowError.invalidInput(WorkspaceMessages.notUTF8(["path": path]), hint: WorkspaceMessages.saveAsUTF8())
        }
        return SourceFile(path: path, text: text)
    }
}

extension SourceFile {
    /// Where a scalar's text begins: one column after the opening quote for quoted scalars,
    /// so offsets inside the text (an expression's position) land on the right column.
    public func contentStart(of node: SourceNode) -> SourceLocation {
        guard let line = line(node.location.line) else { return node.location }
        let scalars = Array(line.unicodeScalars)
        let index = node.location.column - 1
        if index < scalars.count, scalars[index] == "'" || scalars[index] == "\"" {
            return node.location.advanced(by: 1)
        }
        return node.location
    }
}

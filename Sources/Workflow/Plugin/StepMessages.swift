/// What any step says about the files it writes, in Chinese and English (the message catalogue):
/// the notes and failures a step leaves in the run's history, worded in the step's language.
public struct StepMessages: MessageCatalogue {
    public static let shared = StepMessages()

    public let wrote = MessageText("step.wrote", zh: "已写入 {path}", en: "wrote {path}")
    public let cannotWrite = MessageText("step.cannot-write", zh: "无法写入 {path}：{why}", en: "cannot write {path}: {why}")
    public let cannotCreateFolder = MessageText(
        "step.cannot-create-folder", zh: "无法创建文件夹 {path}：{why}", en: "cannot create the folder {path}: {why}")
}

extension StepContext {
    /// A failure to write `path`, in the step's language (retryable: a full disk may be freed).
    public func cannotWrite(_ path: String, _ error: any Error) -> StepFailure {
        StepFailure(say(StepMessages.cannotWrite, ["path": path, "why": error.localizedDescription]))
    }
}

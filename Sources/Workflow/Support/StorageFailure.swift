import Foundation
import GRDB
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Why the workspace's storage refused a read or a write, as a typed reason: the command line words
/// it in `WorkflowError(storage:)`, the check-in page from its own catalogue by `code`. Only the
/// failures a person can fix (free space, permissions, another writer, a damaged file) — a broken
/// constraint or a bad statement is a bug and stays one.
public enum StorageFailure: String, Sendable, CaseIterable {
    case full = "storage_full"
    case readOnly = "storage_read_only"
    case busy = "storage_busy"
    case damaged = "storage_damaged"
    case io = "storage_io"

    public init?(_ error: DatabaseError) {
        switch error.resultCode {
        case .SQLITE_FULL: self = .full
        case .SQLITE_READONLY: self = .readOnly
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .damaged
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM:
            // A disk with no room left often fails a write as "disk I/O error", not "full": asked, the
            // disk holding a workspace says which it is.
            self = Self.aDiskIsFull() ? .full : .io
        default: return nil
        }
    }

    /// The folders of the workspaces this process opened: the disks a failure may be on.
    private static let folders = Mutex<Set<String>>([])

    static func watch(folder: String) { folders.withLock { _ = $0.insert(folder) } }

    /// Whether a disk holding an open workspace has (almost) no room left: less than a megabyte free.
    static func aDiskIsFull() -> Bool {
        folders.withLock { $0 }.contains { folder in freeBytes(folder).map { $0 < 1 << 20 } ?? false }
    }

    /// The bytes free to this user on the disk holding `folder`, or nil when that cannot be asked.
    public static func freeBytes(_ folder: String) -> UInt64? {
        var stats = statvfs()
        guard statvfs(folder, &stats) == 0 else { return nil }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
    }

    /// The stable code an HTTP answer carries, for a page to word in its own language.
    public var code: String { rawValue }

    /// What happened, worded per reader.
    public var wording: Message {
        switch self {
        case .full: StorageMessages.full()
        case .readOnly: StorageMessages.readOnly()
        case .busy: StorageMessages.busy()
        case .damaged: StorageMessages.damaged()
        case .io: StorageMessages.io()
        }
    }

    /// What to do about it, worded per reader.
    public var hintWording: Message {
        switch self {
        case .full: StorageMessages.fullHint()
        case .readOnly: StorageMessages.readOnlyHint()
        case .busy: StorageMessages.busyHint()
        case .damaged: StorageMessages.damagedHint()
        case .io: StorageMessages.ioHint()
        }
    }

    /// In English, for logs and tests.
    public var message: String { wording.text(.en) }
    public var hint: String { hintWording.text(.en) }
}

/// Why the workspace's storage refused a read or a write, in Chinese and English.
public struct StorageMessages: MessageCatalogue {
    public static let shared = StorageMessages()

    public let full = MessageText("storage.full", zh: "存放工作区的磁盘已满，所以什么都没有保存",
                                  en: "the disk holding the workspace is full, so nothing was saved")
    public let readOnly = MessageText("storage.read-only", zh: "工作区是只读的，无法保存任何内容",
                                      en: "the workspace is read-only, so nothing can be saved to it")
    public let busy = MessageText("storage.busy", zh: "工作区正忙：另一个命令正在写入", en: "the workspace is busy: another command is writing to it")
    public let damaged = MessageText("storage.damaged", zh: "工作区文件已损坏，或者不是活动工作区",
                                     en: "the workspace file is damaged, or is not a campaign workspace")
    public let io = MessageText("storage.io", zh: "无法读写工作区（磁盘报告了错误）",
                                en: "the workspace cannot be read or written (the disk reported an error)")
    public let fullHint = MessageText("storage.full-hint", zh: "在那块磁盘上腾出空间后重新运行命令；之前保存的内容没有改变",
                                      en: "free some space on that disk and run the command again; what was saved before is unchanged")
    public let readOnlyHint = MessageText("storage.read-only-hint", zh: "检查工作区文件及其文件夹的权限，或把它复制到可写的地方",
                                          en: "check the permissions of the workspace file and its folder, or copy it somewhere writable")
    public let busyHint = MessageText("storage.busy-hint", zh: "等它完成后重新运行命令", en: "wait for it to finish and run the command again")
    public let damagedHint = MessageText("storage.damaged-hint", zh: "从备份恢复，或用 --db PATH 指向正确的文件",
                                         en: "restore it from a backup, or point to the right file with --db PATH")
    public let ioHint = MessageText("storage.io-hint", zh: "检查磁盘和文件的权限，然后重新运行命令",
                                    en: "check the disk and the file's permissions, then run the command again")
}

extension WorkflowError {
    /// What a failure of the workspace's storage means to the person at the keyboard: a full disk, a
    /// read-only file, a busy or damaged workspace — each "unavailable" with what to do. Nil for
    /// failures that are bugs (a broken constraint, a bad statement).
    public init?(storage error: DatabaseError) {
        guard let failure = StorageFailure(error) else { return nil }
        self = .unavailable(failure.wording, hint: failure.hintWording)
    }
}

import GRDB

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
        case .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM: self = .io
        default: return nil
        }
    }

    /// The stable code an HTTP answer carries, for a page to word in its own language.
    public var code: String { rawValue }

    public var message: String {
        switch self {
        case .full: "the disk holding the workspace is full, so nothing was saved"
        case .readOnly: "the workspace is read-only, so nothing can be saved to it"
        case .busy: "the workspace is busy: another command is writing to it"
        case .damaged: "the workspace file is damaged, or is not a campaign workspace"
        case .io: "the workspace cannot be read or written (the disk reported an error)"
        }
    }

    public var hint: String {
        switch self {
        case .full: "free some space on that disk and run the command again; what was saved before is unchanged"
        case .readOnly: "check the permissions of the workspace file and its folder, or copy it somewhere writable"
        case .busy: "wait for it to finish and run the command again"
        case .damaged: "restore it from a backup, or point to the right file with --db PATH"
        case .io: "check the disk and the file's permissions, then run the command again"
        }
    }
}

import Foundation

/// The filesystem a workspace lives on. SQLite's write-ahead log keeps its index in shared memory,
/// which works only between processes of one host: a workspace on NFS, SMB/CIFS or a FUSE mount
/// shared by two machines is corrupted, silently, the first time both write. So a workspace there is
/// refused with the reason and what to do instead — keep it on the machine's own disk and publish to
/// the province (`campaign publish`), which is what a shared store is for.
///
/// The filesystem is read off `/proc/self/mountinfo` (the mount holding the folder, by the longest
/// mount point above it), as `findmnt` does; where that cannot be read the open goes ahead.
public enum WorkspaceFilesystem {
    /// The network filesystem a mount's type names (`nfs4`, `cifs`, `fuse.sshfs`…), or nil for a local one.
    public static func networkKind(ofType type: String) -> String? {
        switch type {
        case "nfs", "nfs4": "NFS"
        case "cifs", "smb3", "smbfs", "smb2": "SMB/CIFS"
        case "9p", "9p2000": "9P"
        case "ceph", "lustre", "glusterfs", "afs", "ocfs2", "gfs2", "beegfs", "gpfs": type
        default: type == "fuse" || type.hasPrefix("fuse.") || type == "fuseblk" ? "FUSE (\(type))" : nil
        }
    }

    /// The type of the mount holding `folder`, from the text of a mountinfo file.
    public static func mountType(holding folder: String, mountinfo: String) -> String? {
        var best: (point: String, type: String)?
        for line in mountinfo.split(separator: "\n") {
            let halves = line.components(separatedBy: " - ")
            let fields = halves[0].split(separator: " ")
            guard halves.count >= 2, fields.count >= 5, let type = halves[1].split(separator: " ").first else { continue }
            let point = unescape(String(fields[4]))
            let inside = point == "/" || folder == point || folder.hasPrefix(point + "/")
            // Mounted later over the same point: the later line wins, as the kernel shows it.
            if inside, point.count >= (best?.point.count ?? 0) { best = (point, String(type)) }
        }
        return best?.type
    }

    /// Mount points escape spaces, tabs, newlines and backslashes as octal (`\040`).
    static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "\\"), utf8.count >= 3, let value = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The network filesystem the folder holding `path` is on, or nil for a local disk (or where it cannot be told).
    public static func networkKind(holding path: String) -> String? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().resolvingSymlinksInPath().path
        guard let mountinfo = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8),
              let type = mountType(holding: folder, mountinfo: mountinfo) else { return nil }
        return networkKind(ofType: type)
    }

    /// Refuses a workspace on a network filesystem (exit 69), naming the filesystem and the way out.
    public static func requireLocal(_ path: String) throws {
        if let kind = networkKind(holding: path) { throw refusal(path: path, kind: kind) }
    }

    public static func refusal(path: String, kind: String) -> WorkflowError {
        .unavailable(WorkspaceMessages.networkFilesystem(["path": path, "kind": kind]), hint: WorkspaceMessages.networkFilesystemHint())
    }
}

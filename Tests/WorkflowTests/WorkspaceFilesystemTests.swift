import Foundation
import Testing
import Workflow
import WorkflowTesting

/// One host per workspace: SQLite's write-ahead log cannot be shared across machines, so a
/// workspace on a network filesystem is refused with the reason and what to do instead.
@Suite struct WorkspaceFilesystemTests {
    /// A machine's mount table with a share of each kind, as /proc/self/mountinfo prints it.
    static let mountinfo = """
        22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
        25 22 0:21 / /tmp rw,nosuid shared:5 - tmpfs tmpfs rw
        40 22 0:45 / /mnt/county rw,relatime shared:20 - nfs4 10.0.0.5:/export/county rw,vers=4.2
        41 40 0:46 / /mnt/county/local\\040disk rw,relatime shared:21 - ext4 /dev/sdb1 rw
        42 22 0:47 / /mnt/smb rw,relatime shared:22 - cifs //server/share rw
        43 22 0:48 / /home/clerk/remote rw,relatime shared:23 - fuse.sshfs clerk@host:/data rw
        """

    @Test func theMountHoldingTheFolderIsTheLongestAboveIt() {
        let type = { WorkspaceFilesystem.mountType(holding: $0, mountinfo: Self.mountinfo) }
        #expect(type("/mnt/county/2026") == "nfs4")
        #expect(type("/mnt/county") == "nfs4")
        #expect(type("/mnt/county/local disk/fairs") == "ext4")
        #expect(type("/mnt/countyside") == "ext4")
        #expect(type("/tmp/x") == "tmpfs")
        #expect(type("/home/clerk/remote") == "fuse.sshfs")
    }

    @Test func networkFilesystemsAreToldByTheirType() {
        #expect(WorkspaceFilesystem.networkKind(ofType: "nfs4") == "NFS")
        #expect(WorkspaceFilesystem.networkKind(ofType: "cifs") == "SMB/CIFS")
        #expect(WorkspaceFilesystem.networkKind(ofType: "smb3") == "SMB/CIFS")
        #expect(WorkspaceFilesystem.networkKind(ofType: "fuse.sshfs") == "FUSE (fuse.sshfs)")
        for local in ["ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs"] { #expect(WorkspaceFilesystem.networkKind(ofType: local) == nil) }
    }

    @Test func aWorkspaceOnThisMachinesDiskOpens() throws {
        let dir = try TemporaryDirectory()
        #expect(WorkspaceFilesystem.networkKind(holding: dir.databasePath) == nil)
        #expect(throws: Never.self) { try WorkspaceFilesystem.requireLocal(dir.databasePath) }
    }

    @Test func theRefusalSaysWhyAndWhatToDoInBothLanguages() {
        let refusal = WorkspaceFilesystem.refusal(path: "/mnt/share/campaign.sqlite", kind: "NFS")
        #expect(refusal.exitCode == 69)
        #expect(refusal.message(in: .zh).contains("工作区“/mnt/share/campaign.sqlite”在网络文件系统（NFS）上"))
        #expect(refusal.message(in: .en).contains("works only between processes of one host"))
        #expect(refusal.hint(in: .zh)?.contains("campaign publish") == true)
        #expect(refusal.hint(in: .en)?.contains("keep the workspace on this machine's own disk") == true)
    }
}

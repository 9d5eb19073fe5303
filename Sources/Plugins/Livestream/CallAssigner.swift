/// Gives call-back tasks to staff fairly: each task to whoever has the fewest tasks given today
/// (ties by name), nobody beyond the daily quota — so no two staff are ever more than one task apart
/// in a day. Tasks beyond everyone's quota wait for the next day.
public struct CallAssigner: Sendable {
    public let staff: [String]
    public let quota: Int

    public init(staff: [String], quota: Int) {
        self.staff = Array(Set(staff.filter { !$0.isEmpty })).sorted()
        self.quota = quota
    }

    /// The staff member for each of `tasks` tasks in order (nil: queued for tomorrow), given what each
    /// already has today.
    public func assign(_ tasks: Int, today: [String: Int]) -> [String?] {
        var load = staff.map { today[$0, default: 0] }
        var out: [String?] = []
        out.reserveCapacity(tasks)
        for _ in 0..<tasks {
            var best = -1
            for i in load.indices where load[i] < quota && (best < 0 || load[i] < load[best]) { best = i }
            if best < 0 { out.append(nil); continue }
            load[best] += 1
            out.append(staff[best])
        }
        return out
    }
}

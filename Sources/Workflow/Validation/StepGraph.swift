/// The steps as a directed acyclic graph: `needs` edges, dependents, and a topological order.
public struct StepGraph: Sendable {
    public let ids: [String]
    public let index: [String: Int]
    /// needs[i]: indices of the steps step i waits for.
    public let needs: [[Int]]
    /// dependents[i]: indices of the steps that wait for step i.
    public let dependents: [[Int]]

    public init(steps: [StepDefinition]) {
        ids = steps.map(\.id)
        var index: [String: Int] = [:]
        for (i, id) in ids.enumerated() where index[id] == nil { index[id] = i }
        self.index = index
        let needs = steps.map { step in step.needIDs.compactMap { index[$0] } }
        var dependents = Array(repeating: [Int](), count: steps.count)
        for (i, list) in needs.enumerated() {
            for n in list { dependents[n].append(i) }
        }
        self.needs = needs
        self.dependents = dependents
    }

    /// Step indices in an order where every step comes after the steps it needs, or nil when there is a cycle.
    public var topologicalOrder: [Int]? {
        var remaining = needs.map(\.count)
        var queue = remaining.indices.filter { remaining[$0] == 0 }
        var head = 0
        while head < queue.count {
            let i = queue[head]
            head += 1
            for d in dependents[i] {
                remaining[d] -= 1
                if remaining[d] == 0 { queue.append(d) }
            }
        }
        return queue.count == ids.count ? queue : nil
    }

    /// Every distinct cycle, each as the path of step indices `a, b, …, a` where each needs the next.
    /// Iterative depth-first search: a 10,000-step chain must not overflow a task's small stack.
    public var cycles: [[Int]] {
        var state = Array(repeating: 0, count: ids.count)  // 0 new, 1 on the path, 2 done
        var found: [[Int]] = []
        var seen = Set<Set<Int>>()
        for root in ids.indices where state[root] == 0 {
            var path: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let (node, next) = path.last {
                guard next < needs[node].count else {
                    state[node] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let n = needs[node][next]
                if state[n] == 1, let start = path.firstIndex(where: { $0.node == n }) {
                    let loop = path[start...].map(\.node)
                    if seen.insert(Set(loop)).inserted { found.append(loop + [n]) }
                } else if state[n] == 0 {
                    state[n] = 1
                    path.append((n, 0))
                }
            }
        }
        return found
    }

    /// True when `ancestor` is reachable from `step` by following `needs`.
    public func isUpstream(_ ancestor: Int, of step: Int) -> Bool {
        var visited = Set<Int>()
        var pending = needs[step]
        while let n = pending.popLast() {
            if n == ancestor { return true }
            if visited.insert(n).inserted { pending.append(contentsOf: needs[n]) }
        }
        return false
    }
}

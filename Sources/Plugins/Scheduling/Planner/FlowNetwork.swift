import HeapModule

/// A flow network solved for the largest flow at the least cost (min-cost max-flow), by the
/// primal–dual method: Dijkstra with potentials finds the cheapest remaining distance, then a
/// blocking flow (Dinic) sends all it can along edges of exactly that cost at once. Costs here are
/// wish ranks (1, 2, 3), so there are few distinct distances and few rounds: 8,000 seekers' wishes
/// are placed in well under a second.
struct FlowNetwork {
    struct Edge {
        var to: Int
        var reverse: Int
        var capacity: Int
        var cost: Int
    }

    private(set) var edges: [Edge] = []
    private var outgoing: [[Int]]

    init(nodes: Int) {
        outgoing = Array(repeating: [], count: nodes)
    }

    var nodeCount: Int { outgoing.count }

    /// Adds an edge and its residual twin; returns the edge's index (its flow is read back by it).
    @discardableResult
    mutating func addEdge(from: Int, to: Int, capacity: Int, cost: Int) -> Int {
        let index = edges.count
        edges.append(Edge(to: to, reverse: index + 1, capacity: capacity, cost: cost))
        edges.append(Edge(to: from, reverse: index, capacity: 0, cost: -cost))
        outgoing[from].append(index)
        outgoing[to].append(index + 1)
        return index
    }

    /// The flow an edge carries: what its residual twin can give back.
    func flow(_ edge: Int) -> Int { edges[edge + 1].capacity }

    /// Sends as much as possible from `source` to `sink`, as cheaply as possible. Costs must be ≥ 0.
    mutating func minCostMaxFlow(from source: Int, to sink: Int) -> (flow: Int, cost: Int) {
        let infinity = Int.max / 4
        var potential = Array(repeating: 0, count: nodeCount)
        var totalFlow = 0, totalCost = 0
        while true {
            // Cheapest distances in reduced costs (never negative thanks to the potentials).
            var distance = Array(repeating: infinity, count: nodeCount)
            distance[source] = 0
            var queue = Heap<Pair>()
            queue.insert(Pair(distance: 0, node: source))
            while let next = queue.popMin() {
                guard next.distance == distance[next.node] else { continue }
                for e in outgoing[next.node] where edges[e].capacity > 0 {
                    let edge = edges[e]
                    let candidate = next.distance + edge.cost + potential[next.node] - potential[edge.to]
                    if candidate < distance[edge.to] {
                        distance[edge.to] = candidate
                        queue.insert(Pair(distance: candidate, node: edge.to))
                    }
                }
            }
            guard distance[sink] < infinity else { break }
            for v in 0..<nodeCount { potential[v] += min(distance[v], distance[sink]) }
            // Blocking flow over the edges whose reduced cost is now zero.
            let pushed = blockingFlow(from: source, to: sink, potential: potential)
            guard pushed > 0 else { break }
            totalFlow += pushed
            totalCost += pushed * (potential[sink] - potential[source])
        }
        return (totalFlow, totalCost)
    }

    private struct Pair: Comparable {
        var distance: Int
        var node: Int
        static func < (a: Pair, b: Pair) -> Bool { (a.distance, a.node) < (b.distance, b.node) }
    }

    private func admissible(_ e: Int, from u: Int, potential: [Int]) -> Bool {
        let edge = edges[e]
        return edge.capacity > 0 && edge.cost + potential[u] - potential[edge.to] == 0
    }

    private mutating func blockingFlow(from source: Int, to sink: Int, potential: [Int]) -> Int {
        var total = 0
        while true {
            // Levels by breadth-first search over admissible edges.
            var level = Array(repeating: -1, count: nodeCount)
            level[source] = 0
            var queue = [source]
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                for e in outgoing[u] where level[edges[e].to] < 0 && admissible(e, from: u, potential: potential) {
                    level[edges[e].to] = level[u] + 1
                    queue.append(edges[e].to)
                }
            }
            guard level[sink] >= 0 else { return total }
            var nextEdge = Array(repeating: 0, count: nodeCount)
            while true {
                let pushed = augment(source, sink: sink, limit: Int.max, level: level, nextEdge: &nextEdge,
                                     potential: potential)
                if pushed == 0 { break }
                total += pushed
            }
        }
    }

    /// One augmenting path by depth-first search along the levels (iterative: paths are short here,
    /// but a deep recursion must never be possible).
    private mutating func augment(_ source: Int, sink: Int, limit: Int, level: [Int], nextEdge: inout [Int],
                                  potential: [Int]) -> Int {
        var path: [Int] = []   // edge indices
        var u = source
        while true {
            if u == sink {
                let amount = path.map { edges[$0].capacity }.min() ?? 0
                for e in path {
                    edges[e].capacity -= amount
                    edges[edges[e].reverse].capacity += amount
                }
                return amount
            }
            var advanced = false
            while nextEdge[u] < outgoing[u].count {
                let e = outgoing[u][nextEdge[u]]
                let v = edges[e].to
                if level[v] == level[u] + 1, admissible(e, from: u, potential: potential) {
                    path.append(e)
                    u = v
                    advanced = true
                    break
                }
                nextEdge[u] += 1
            }
            if advanced { continue }
            // A dead end: never try it again in this round, and step back.
            guard let last = path.popLast() else { return 0 }
            u = edges[edges[last].reverse].to
            nextEdge[u] += 1
        }
    }
}

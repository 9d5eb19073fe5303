/// Lays chosen interviews into time slots: an edge colouring of the bipartite multigraph seekers ×
/// interviewers (lanes) with as many colours as slots. König's theorem says it always fits when no
/// seeker and no lane has more interviews than there are slots; the alternating-path method below
/// finds such a colouring: colour each edge with a slot free at both ends, first swapping the two
/// slots along an alternating path when no slot is free at both.
struct SlotColouring {
    let slots: Int
    /// colourAt[vertex][slot] = the edge holding that slot there, or -1.
    private var colourAt: [[Int32]]
    private(set) var colour: [Int]
    private var ends: [(left: Int, right: Int)] = []

    /// `left` and `right` count the vertices on each side (seekers, lanes).
    init(left: Int, right: Int, slots: Int) {
        self.slots = slots
        colourAt = Array(repeating: Array(repeating: -1, count: slots), count: left + right)
        colour = []
        leftCount = left
    }

    private let leftCount: Int

    /// Colours one edge; its slot is `colour[index]`. Both ends must have fewer edges than slots.
    mutating func add(left: Int, right: Int) -> Int {
        let u = left, v = leftCount + right
        let index = ends.count
        ends.append((u, v))
        colour.append(-1)
        guard let a = freeSlot(at: u), let b = freeSlot(at: v) else {
            preconditionFailure("more interviews at one end than slots: the plan's capacities were not kept")
        }
        if colourAt[v][a] != -1 {
            // Swap a and b along the path from v that alternates a, b, a, …: a becomes free at v and
            // stays free at u (the path cannot reach u in a bipartite graph).
            flipPath(from: v, a: a, b: b)
        }
        _ = b
        set(index, a)
        return index
    }

    private func freeSlot(at vertex: Int) -> Int? {
        colourAt[vertex].firstIndex(of: -1)
    }

    private mutating func set(_ edge: Int, _ slot: Int) {
        let (u, v) = ends[edge]
        colour[edge] = slot
        colourAt[u][slot] = Int32(edge)
        colourAt[v][slot] = Int32(edge)
    }

    private mutating func flipPath(from start: Int, a: Int, b: Int) {
        var path: [Int] = []
        var vertex = start
        var wanted = a
        while colourAt[vertex][wanted] != -1 {
            let edge = Int(colourAt[vertex][wanted])
            path.append(edge)
            let (u, v) = ends[edge]
            vertex = u == vertex ? v : u
            wanted = wanted == a ? b : a
        }
        for edge in path {
            let (u, v) = ends[edge]
            let old = colour[edge]
            if colourAt[u][old] == Int32(edge) { colourAt[u][old] = -1 }
            if colourAt[v][old] == Int32(edge) { colourAt[v][old] = -1 }
        }
        for edge in path { set(edge, colour[edge] == a ? b : a) }
    }
}

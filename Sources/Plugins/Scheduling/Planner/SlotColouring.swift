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

    /// Edges that must keep their slot (interviews already announced): never swapped.
    private var locked: Set<Int> = []

    /// Places an edge in a given slot and locks it there; nil when that slot is taken at either end.
    mutating func lock(left: Int, right: Int, slot: Int) -> Int? {
        let u = left, v = leftCount + right
        guard slot < slots, colourAt[u][slot] == -1, colourAt[v][slot] == -1 else { return nil }
        let index = ends.count
        ends.append((u, v))
        colour.append(-1)
        set(index, slot)
        locked.insert(index)
        return index
    }

    /// Colours one edge; its slot is `colour[index]` once all are added (a later swap may move it,
    /// never a locked one). Nil when no slot can be found without moving a locked edge (only possible
    /// when some are locked); both ends must have fewer edges than slots.
    mutating func add(left: Int, right: Int) -> Int? {
        let u = left, v = leftCount + right
        // A slot free at both ends: the earliest.
        if let both = (0..<slots).first(where: { colourAt[u][$0] == -1 && colourAt[v][$0] == -1 }) {
            return place(u, v, both)
        }
        // Swap a (free at u) and b (free at v) along the alternating path from v, when no locked edge is on it.
        for a in (0..<slots) where colourAt[u][a] == -1 {
            for b in (0..<slots) where colourAt[v][b] == -1 {
                let path = alternatingPath(from: v, a: a, b: b)
                guard !path.contains(where: locked.contains) else { continue }
                flip(path, a: a, b: b)
                return place(u, v, a)
            }
        }
        return nil
    }

    private mutating func place(_ u: Int, _ v: Int, _ slot: Int) -> Int {
        let index = ends.count
        ends.append((u, v))
        colour.append(-1)
        set(index, slot)
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

    /// The edges of the path from `start` whose colours alternate a, b, a, …
    private func alternatingPath(from start: Int, a: Int, b: Int) -> [Int] {
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
        return path
    }

    /// Swaps a and b on a path: a becomes free at its start (and stays free where it was).
    private mutating func flip(_ path: [Int], a: Int, b: Int) {
        for edge in path {
            let (u, v) = ends[edge]
            let old = colour[edge]
            if colourAt[u][old] == Int32(edge) { colourAt[u][old] = -1 }
            if colourAt[v][old] == Int32(edge) { colourAt[v][old] = -1 }
        }
        for edge in path { set(edge, colour[edge] == a ? b : a) }
    }
}

/// A small, fast, seedable generator (Vigna's SplitMix64): random tests and generated benchmark data
/// draw from it so a failing case can be run again from its seed. The one copy every test and
/// benchmark shares.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` by the remainder (slightly uneven for large bounds, which tests do not
    /// mind): the same draws the tests made before they shared this generator.
    public mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

import CampaignTesting
import WorkflowTesting

/// Deterministic mutations of seed inputs, in the manner of libFuzzer's own (flip, insert, erase,
/// copy a span, insert a dictionary word, splice two seeds), for the property tests: the same
/// seed always gives the same inputs, so a failure names an input that can be replayed.
public struct InputMutator {
    private var random: SplitMix64
    let dictionary: [[UInt8]]
    /// Inputs are kept under this size (libFuzzer's default `-max_len` is 4096).
    let maxLength: Int

    public init(seed: UInt64, dictionary: [[UInt8]], maxLength: Int = 8192) {
        random = SplitMix64(seed: seed)
        self.dictionary = dictionary
        self.maxLength = maxLength
    }

    private mutating func next() -> UInt64 { random.next() }

    private mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    /// One to eight mutations of `seed`, sometimes spliced with `other`.
    public mutating func mutate(_ seed: [UInt8], other: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + below(8)) {
            let at = below(bytes.count + 1)
            switch below(7) {
            case 0 where !bytes.isEmpty:  // flip a bit
                let i = below(bytes.count)
                bytes[i] ^= UInt8(1 << below(8))
            case 1:  // insert a random byte
                bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
            case 2 where !bytes.isEmpty:  // erase a span
                let length = min(1 + below(16), bytes.count - min(at, bytes.count - 1))
                let start = min(at, bytes.count - 1)
                bytes.removeSubrange(start..<min(start + length, bytes.count))
            case 3 where !bytes.isEmpty:  // copy a span elsewhere (repeats rows, nests brackets)
                let start = below(bytes.count)
                let span = Array(bytes[start..<min(bytes.count, start + 1 + below(64))])
                bytes.insert(contentsOf: span, at: below(bytes.count + 1))
            case 4 where !dictionary.isEmpty, 5 where !dictionary.isEmpty:  // a word the parser cares about
                bytes.insert(contentsOf: dictionary[below(dictionary.count)], at: at)
            default:  // splice with another seed
                let cut = below(other.count + 1)
                bytes = Array(bytes[..<min(at, bytes.count)]) + Array(other[cut...])
            }
        }
        return bytes.count > maxLength ? Array(bytes.prefix(maxLength)) : bytes
    }
}

/// A part of the message catalogue: one type per concern (`CheckinMessages`, `ImportMessages`…)
/// whose stored `MessageText` properties are its entries. Each entry is written once: the list a
/// plugin hands the registry (`all`) is read off the type by reflection, so an entry cannot be
/// declared and then forgotten in a hand-kept list.
///
/// Entries are instance properties, so that `Mirror` can see them, and read as if they were static
/// (`CheckinMessages.checkedIn`) through dynamic member lookup on the one shared instance. A property
/// may also hold a list of entries (the ranks of a wish, 第一…第九), counted in `all` one by one.
@dynamicMemberLookup
public protocol MessageCatalogue: Sendable {
    /// The one instance the entries are read from: `public static let shared = CheckinMessages()`.
    static var shared: Self { get }
    /// Every entry, in the order written.
    static var all: [MessageText] { get }
}

extension MessageCatalogue {
    /// `CheckinMessages.checkedIn`: the entry of the shared instance.
    public static subscript<Entry>(dynamicMember entry: KeyPath<Self, Entry>) -> Entry {
        shared[keyPath: entry]
    }

    public static var all: [MessageText] {
        Mirror(reflecting: shared).children.flatMap { child in
            (child.value as? MessageText).map { [$0] } ?? (child.value as? [MessageText]) ?? []
        }
    }
}

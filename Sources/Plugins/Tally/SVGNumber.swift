import Foundation

/// A coordinate or a length in the report's charts (SVG): one decimal, which is finer than a pixel
/// and keeps the page small and the same on every machine.
enum SVGNumber {
    static func text(_ value: Double) -> String { String(format: "%.1f", value) }
}

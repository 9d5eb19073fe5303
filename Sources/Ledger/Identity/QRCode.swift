import CQRencode
import Workflow

/// A QR code, encoded by libqrencode (ISO/IEC 18004), rendered as SVG for printed badges or as
/// half-block characters for a terminal.
public struct QRCode: Sendable {
    public let size: Int
    /// Row-major dark modules.
    public let modules: [Bool]

    public init(_ text: String) throws {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw WorkflowError.internal("libqrencode could not encode a \(text.utf8.count)-byte text")
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x]
    }

    /// A crisp SVG, one path, with the 4-module quiet zone the standard asks for.
    public func svg(pixels: Int = 120) -> String {
        let total = size + 8
        var path = ""
        for y in 0..<size {
            for x in 0..<size where isDark(x, y) { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        return ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(total) \##(total)" width="\##(pixels)" "##
            + ##"height="\##(pixels)" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/>"##
            + ##"<path d="\##(path)" fill="#000"/></svg>"##
    }

    /// Two modules per character cell (▀ ▄ █), dark on light, quiet zone included.
    public func terminal() -> String {
        var lines: [String] = []
        var y = -2
        while y < size + 2 {
            var line = ""
            for x in -2..<(size + 2) {
                switch (isDark(x, y), isDark(x, y + 1)) {
                case (false, false): line += "█"
                case (true, false): line += "▄"
                case (false, true): line += "▀"
                case (true, true): line += " "
                }
            }
            lines.append(line)
            y += 2
        }
        return lines.joined(separator: "\n")
    }
}

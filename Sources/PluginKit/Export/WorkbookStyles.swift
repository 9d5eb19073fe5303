import CXlsxWriter

/// The formats every workbook of the project shares — a title, bordered headers on a pale ground,
/// bordered cells, whole numbers with thousands separators, rates as percentages — made once per
/// workbook (libxlsxwriter owns and frees them).
public struct WorkbookStyles {
    public typealias Format = UnsafeMutablePointer<lxw_format>
    public let title: Format?
    public let header: Format?
    public let cell: Format?
    public let number: Format?
    public let percent: Format?

    public init(_ workbook: WorkbookFile.Workbook) {
        let thin = UInt8(LXW_BORDER_THIN.rawValue)
        func make(_ configure: (Format) -> Void) -> Format? {
            guard let format = workbook_add_format(workbook) else { return nil }
            configure(format)
            return format
        }
        title = make { format_set_bold($0); format_set_font_size($0, 14) }
        header = make {
            format_set_bold($0); format_set_bg_color($0, 0xF1F4F8); format_set_border($0, thin)
            format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue)); format_set_text_wrap($0)
        }
        cell = make { format_set_border($0, thin) }
        number = make { format_set_border($0, thin); format_set_num_format($0, "#,##0") }
        percent = make { format_set_border($0, thin); format_set_num_format($0, "0.0%") }
    }
}

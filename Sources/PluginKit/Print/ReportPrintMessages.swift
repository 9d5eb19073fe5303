import Workflow

/// What a command says when a report is to be printed to PDF and cannot be.
public struct ReportPrintMessages: MessageCatalogue {
    public static let shared = ReportPrintMessages()

    public let needsChromium = MessageText("print.needs-chromium", zh: "PDF 由 Chromium 打印，但本机没有安装 Chromium",
                                           en: "PDF is printed by Chromium, which this machine does not have")
    public let install = MessageText("print.install", zh: "安装：apt-get install chromium；或改写成 HTML 后在浏览器中打印",
                                     en: "install it: apt-get install chromium; or write HTML and print it from a browser")
    public let failed = MessageText("print.failed", zh: "{browser} 没有打印出 PDF", en: "{browser} did not print the PDF")
}

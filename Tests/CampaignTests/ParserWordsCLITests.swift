import Foundation
import Testing
import WorkflowTesting

/// The argument parser's own words — its headings, help lines and refusals — in the reader's
/// language: `tally --format pdff` is refused in Chinese by default, in English with `--lang en`,
/// and the help's headings and its -h/--version lines are Chinese too.
@Suite struct ParserWordsCLITests {
    @Test func theParsersRefusalsAreInChineseUnlessEnglishIsAsked() throws {
        let cli = CLIRunner(directory: try TemporaryDirectory())
        let invalid = try cli.run("tally", "--format", "pdff")
        #expect(invalid.status == 64)
        #expect(invalid.stderr.contains("错误：“pdff”不是 --format <format> 的有效取值。请从下列取值中选一个："), "\(invalid.stderr)")
        #expect(invalid.stderr.contains("用法：campaign tally"), "\(invalid.stderr)")
        #expect(!invalid.stderr.contains("Error:") && !invalid.stderr.contains("Please provide"), "\(invalid.stderr)")
        let english = try cli.run("tally", "--format", "pdff", "--lang", "en")
        #expect(english.status == 64)
        #expect(english.stderr.contains("Error: The value 'pdff' is invalid for '--format <format>'"), "\(english.stderr)")
        let extra = try cli.run("status", "a", "b", "c")
        #expect(extra.status == 64)
        #expect(extra.stderr.contains("错误：多出 2 个参数：'b', 'c'"), "\(extra.stderr)")
        let missing = try cli.run("signal")
        #expect(missing.stderr.contains("错误：缺少参数 <campaign>"), "\(missing.stderr)")
        let unknown = try cli.run("tally", "--nope")
        #expect(unknown.stderr.contains("错误：没有选项 --nope"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("更多说明：campaign tally --help"), "\(unknown.stderr)")
    }

    @Test func theHelpsHeadingsAndItsOwnLinesAreChinese() throws {
        let cli = CLIRunner(directory: try TemporaryDirectory())
        let root = try cli.run("--help")
        #expect(root.status == 0)
        #expect(root.stdout.contains("各子命令的详细帮助：campaign help <子命令>"), "\(root.stdout.suffix(300))")
        #expect(root.stdout.contains("显示版本号。") && root.stdout.contains("显示帮助。"))
        #expect(!root.stdout.contains("Show the version.") && !root.stdout.contains("See 'campaign help"))
        let tally = try cli.run("tally", "--help")
        for heading in ["概述：", "用法：", "参数：", "选项："] { #expect(tally.stdout.contains(heading), "\(heading)") }
        #expect(!tally.stdout.contains("OPTIONS:") && !tally.stdout.contains("Show help information."))
        let english = try cli.run("tally", "--help", env: ["CAMPAIGN_LANG": "en"])
        #expect(english.stdout.contains("OPTIONS:") && english.stdout.contains("Show help information."))
        let version = try cli.run("--version")
        #expect(version.status == 0 && version.stdout.hasPrefix("campaign "), "\(version.stdout)")
    }
}

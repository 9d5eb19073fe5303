import Foundation
import Testing
import WorkflowTesting

/// A bus season from the command line: one boarding instance per batch, signalled one by one,
/// shown grouped by `status`, and a cancel that still writes the closing log.
@Suite struct FanOutCLITests {
    @Test func aSeasonOfBatchesIsSignalledOneByOneAndCancelled() throws {
        let dir = try TemporaryDirectory()
        let cli = CLIRunner(directory: dir)
        let path = try dir.write("season.yaml", """
            name: season
            vars:
              batches:
                - { batch: 第1批, town: 城关镇 }
                - { batch: 第2批, town: 河口镇 }
                - { batch: 第3批, town: 太平乡 }
            steps:
              - id: board
                for_each: ${{ vars.batches }}
                uses: core.wait
                with: { signal: true, prompt: "${{ item.batch }} boarding at ${{ item.town }}" }
              - id: wrap-up
                needs: board
                if: always()
                uses: core.log
                with: { message: "season closed: ${{ needs.board.result }}" }
            """)
        let start = try cli.run("start", path)
        #expect(start.status == 0, "\(start.stderr)")
        #expect(start.stdout.contains("board：3 个实例，每项一个"))
        #expect(start.stdout.contains("第2批 boarding at 河口镇——完成后运行：campaign signal season board 2"))

        let signalled = try cli.run("signal", "season", "board", "第1批", "--by", "李")
        #expect(signalled.status == 0, "\(signalled.stderr)")
        #expect(signalled.stdout.contains("board[1]: 由 李 发出通知"), "\(signalled.stdout)")

        let status = try cli.run("status", "season")
        #expect(status.stdout.contains("3 个实例：已完成 1 个，等待中 2 个"), "\(status.stdout)")
        #expect(status.stdout.contains("board[2]  等待中"), "\(status.stdout)")
        let inEnglish = try cli.run("status", "season", "--lang", "en")
        #expect(inEnglish.stdout.contains("3 instances: 1 succeeded, 2 waiting"), "\(inEnglish.stdout)")
        #expect(inEnglish.stdout.contains("board[2]  waiting"), "\(inEnglish.stdout)")

        let bare = try cli.run("signal", "season", "board")
        #expect(bare.status == 64)
        #expect(bare.stderr.contains("步骤“board”对每一项各运行一次；请说明要通知哪一个实例"), "\(bare.stderr)")
        #expect(bare.stderr.contains("board 2, board 3"))

        let cancel = try cli.run("cancel", "season", "--by", "王主任", "--reason", "暴雨")
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(cancel.stdout.contains("活动 season 已") && cancel.stdout.contains("取消"), "\(cancel.stdout)")
        #expect(cancel.stdout.contains("已由王主任取消"), "\(cancel.stdout)")
        let after = try cli.run("status", "season")
        #expect(after.stdout.contains("[已取消]"))
        #expect(after.stdout.contains("season closed: cancelled"), "\(after.stdout)")
        let history = try cli.run("history", "season")
        #expect(history.stdout.contains("cancelled by 王主任: 暴雨"), "\(history.stdout)")
        let twice = try cli.run("cancel", "season")
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("活动“season”已经取消"), "\(twice.stderr)")
        let twiceInEnglish = try cli.run("cancel", "season", "--lang", "en")
        #expect(twiceInEnglish.stderr.contains("campaign 'season' was already cancelled on "), "\(twiceInEnglish.stderr)")
        #expect(twiceInEnglish.stderr.contains("help: `campaign status season` shows where it stands"))
    }
}

import CampaignFuzzing
import Foundation
import Testing

/// The fuzz targets as property tests: every committed seed, then thousands of deterministic
/// mutations of them, through each parser — no crash and no broken promise. `scripts/fuzz` runs the
/// same targets under libFuzzer, guided by coverage, for a fixed time.
@Suite struct FuzzTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")
    static let generated = 2_500

    /// Runs the seeds and `generated` mutations; returns the lab (for how deep it went).
    static func fuzz(_ target: FuzzTarget, seed: UInt64, generated: Int = generated) throws -> FuzzLab {
        // Other suites run beside this one, so the process's descriptors are not the probe's to count.
        let lab = try FuzzLab(ownsProcess: false)
        let seeds = try FuzzCorpus.seeds(target, root: corpus)
        #expect(seeds.count >= 4, "the corpus of \(target) is missing")
        for (name, bytes) in seeds {
            let problems = target.run(bytes, in: lab)
            #expect(problems.isEmpty, "seed \(name): \(problems)")
        }
        var mutator = InputMutator(seed: seed, dictionary: target.dictionary)
        var failures = 0
        for i in 0..<generated {
            let base = seeds[i % seeds.count].bytes
            let other = seeds[(i * 7 + 3) % seeds.count].bytes
            let input = mutator.mutate(base, other: other)
            let problems = target.run(input, in: lab)
            if !problems.isEmpty && failures < 5 {
                failures += 1
                // Enough to replay it: `campaign-fuzz TARGET FILE` with these bytes.
                let replay = Data(input).base64EncodedString()
                Issue.record(Comment(rawValue: "\(target) input \(i) (seed \(seed)) broke a promise: \(problems); bytes (base64): \(replay)"))
            }
        }
        return lab
    }

    @Test func csvImportsSurviveMutatedLedgers() throws {
        let reached = try Self.fuzz(.csv, seed: 1).reached
        #expect(reached.rowsImported > 1_000)
        #expect(reached.rowsRejected > 1_000)
    }

    @Test func xlsxImportsSurviveMutatedWorkbooks() throws {
        let reached = try Self.fuzz(.xlsx, seed: 2).reached
        #expect(reached.rowsImported > 100)
        #expect(reached.filesRefused > 100)
    }

    @Test func definitionsSurviveMutatedYAML() throws {
        let reached = try Self.fuzz(.yaml, seed: 3).reached
        #expect(reached.definitionsValid > 20)
        #expect(reached.definitionsWithDiagnostics > 1_000)
    }

    @Test func expressionsSurviveMutatedText() throws {
        _ = try Self.fuzz(.expression, seed: 4)
    }

    @Test func sharedStringsSurviveMutatedWorkbooks() throws {
        let reached = try Self.fuzz(.sharedstrings, seed: 5, generated: 1_000).reached
        #expect(reached.rowsImported + reached.rowsRejected > 1_000, "the sheet's rows were read: \(reached)")
    }

    /// A staff token's walk-ins, mutated: answered without a 500, refused with a code, and the person
    /// already in the ledger stays as the ledger had them (#33).
    @Test func walkInsTypedAtAPhoneKeepTheLedgersRules() throws {
        let lab = try Self.fuzz(.register, seed: 6, generated: 1_500)
        #expect(lab.server?.knownAsStored().first == "吕林建")
    }

    /// Photos and frames, mutated (each one runs the decoder): answered, never a 500, refused with a
    /// code. (Descriptors left behind are counted by `PhotoWearTests` on a server process of its own,
    /// and by `scripts/fuzz`, whose process is the probe's alone.)
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg"), "needs zbar-tools (scripts/test installs it)"))
    func photosAndFramesAreAnsweredAndLeaveNothing() throws {
        let lab = try Self.fuzz(.photo, seed: 7, generated: 120)
        let answers = lab.server?.photoAnswers ?? [:]
        #expect(answers.values.reduce(0, +) >= 120, "\(answers)")
        #expect(answers[200, default: 0] > 0 && answers.keys.contains { $0 >= 400 }, "frames answered, photos without a code refused: \(answers)")
        #expect(lab.server?.photoBaseline.value == nil, "descriptors are not counted beside other suites")
    }

    @Test func theMutatorIsDeterministic() {
        var a = InputMutator(seed: 9, dictionary: FuzzTarget.csv.dictionary)
        var b = InputMutator(seed: 9, dictionary: FuzzTarget.csv.dictionary)
        let seed = Array("身份证号,姓名\n1,2\n".utf8)
        for _ in 0..<100 { #expect(a.mutate(seed, other: seed) == b.mutate(seed, other: seed)) }
    }
}

import Foundation
import FrontdeskFuzzing
import Testing

/// Every input in the fuzzing seed corpus (and every crash found and added there) goes through its
/// target's checks on each normal test run.
@Suite struct FuzzCorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    @Test(arguments: FuzzEntryPoints.all.keys.sorted())
    func everySeedOfTheTargetPassesItsChecks(target: String) throws {
        let folder = Self.corpus.appendingPathComponent(target)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(files.count >= 5, "the \(target) corpus needs seeds")
        let check = try #require(FuzzEntryPoints.all[target])
        for file in files { check(try Data(contentsOf: file)) }
    }
}

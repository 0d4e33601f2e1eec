@testable import AWSClient
import Foundation
import XCTest

/// A bounded, deterministic fuzz run over AWSClient's parsers on every test run; `scripts/fuzz` runs libFuzzer
/// for a million inputs a target. `ECSDASH_FUZZ_ITERATIONS` and `ECSDASH_FUZZ_SEED` change the run.
final class AWSClientParserFuzzTests: XCTestCase {
    func testProfileFiles() { fuzz("profile") }
    func testXML() { fuzz("xml") }
    func testJSONReplies() { fuzz("json") }
    func testArraySplit() { fuzz("split") }
    func testElementCache() { fuzz("cache") }

    func testEverySeedIsAWellFormedInput() throws {
        for seed in AWSClientFuzzTargets.profileFiles.seeds() {
            XCTAssertNoThrow(try ProfileFiles(config: String(decoding: seed, as: UTF8.self), credentials: String(decoding: seed, as: UTF8.self)))
        }
        XCTAssertEqual(AWSClientFuzzTargets.profileFiles.seeds().count, 4, "the two files of Tests/Fixtures/aws-files and two inline")
        XCTAssertTrue(AWSClientFuzzTargets.xml.seeds().allSatisfy { XMLReader.parse($0) != nil })
        XCTAssertGreaterThan(AWSClientFuzzTargets.jsonReplies.seeds().count, 15)
        XCTAssertFalse(AWSClientFuzzTargets.elementCache.seeds().isEmpty)
    }

    func fuzz(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let target = AWSClientFuzzTargets.all.first(where: { $0.name == name }) else { return XCTFail("no target \(name)", file: file, line: line) }
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["ECSDASH_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 1_000
        let seed = environment["ECSDASH_FUZZ_SEED"].flatMap { UInt64($0) } ?? 11
        if let finding = target.mutationRun(iterations: iterations, seed: seed) {
            XCTFail("\(name), input \(finding.iteration) of seed \(seed): \(finding.violation)\nreplay: echo \(finding.input.base64EncodedString()) | base64 -d > input && ecsdash-fuzz \(name) input",
                    file: file, line: line)
        }
    }
}

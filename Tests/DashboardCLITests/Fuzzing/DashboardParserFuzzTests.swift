import AWSClient
@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
import Foundation
import XCTest

/// A bounded, deterministic fuzz run over the config, theme and duration parsers on every test run; `scripts/fuzz`
/// runs libFuzzer for a million inputs a target. `ECSDASH_FUZZ_ITERATIONS` and `ECSDASH_FUZZ_SEED` change the run.
final class DashboardParserFuzzTests: XCTestCase {
    func testConfig() { fuzz("config") }
    func testTheme() { fuzz("theme") }
    func testDuration() { fuzz("duration") }

    func testEverySeedIsAWellFormedInput() throws {
        let configs = DashboardFuzzTargets.config.seeds()
        XCTAssertEqual(configs.count, 3, "ecsdash.example.yaml and two inline")
        for seed in configs { XCTAssertNoThrow(try ConfigParser(file: "seed").parse(String(decoding: seed, as: UTF8.self))) }
        let themes = DashboardFuzzTargets.theme.seeds()
        XCTAssertGreaterThanOrEqual(themes.count, 2, "the shipped themes")
        for seed in themes {
            XCTAssertNil(DashboardFuzzTargets.theme.run(seed))
            let text = String(decoding: seed, as: UTF8.self)
            let name = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("name: ") }?.dropFirst(6))
            XCTAssertNoThrow(try ThemeParser(file: "seed").parse(text, name: String(name)))
        }
    }

    func fuzz(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let target = DashboardFuzzTargets.all.first(where: { $0.name == name }) else { return XCTFail("no target \(name)", file: file, line: line) }
        let environment = ProcessInfo.processInfo.environment
        let iterations = environment["ECSDASH_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 1_000
        let seed = environment["ECSDASH_FUZZ_SEED"].flatMap { UInt64($0) } ?? 11
        if let finding = target.mutationRun(iterations: iterations, seed: seed) {
            XCTFail("\(name), input \(finding.iteration) of seed \(seed): \(finding.violation)\nreplay: echo \(finding.input.base64EncodedString()) | base64 -d > input && ecsdash-fuzz \(name) input",
                    file: file, line: line)
        }
    }
}

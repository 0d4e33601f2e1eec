import Foundation
import XCTest

/// Something an integration test needs (the built binary, tmux, moto, the test venv): missing on a developer's
/// machine the test is skipped with a hint; missing where the test command or CI runs (ECSDASH_MOTO_WORLD or CI
/// set), where everything is installed on purpose, it fails, so no test can silently not run.
enum Required {
    static func missing(_ what: String, hint: String, file: StaticString = #filePath, line: UInt = #line) -> XCTSkip {
        let environment = ProcessInfo.processInfo.environment
        if environment["CI"] != nil || environment["ECSDASH_MOTO_WORLD"] != nil {
            XCTFail("\(what) is missing where the test command runs", file: file, line: line)
        }
        return XCTSkip("\(what) is missing: \(hint)")
    }
}

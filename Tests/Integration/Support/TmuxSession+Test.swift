import Foundation
import TestSupport
import XCTest

extension TmuxSession {
    /// A session for a test: without tmux the test is skipped on a developer's machine, but fails under the test
    /// command (`ECSDASH_MOTO_WORLD` set) or CI, where tmux is installed and a skip would hide a lost test.
    static func forTest(_ command: String, width: Int = 120, height: Int = 36, environment: [String: String] = [:]) throws -> TmuxSession {
        do {
            return try TmuxSession(command, width: width, height: height, environment: environment)
        } catch is TmuxSession.Unavailable {
            let process = ProcessInfo.processInfo.environment
            if process["CI"] != nil || process["ECSDASH_MOTO_WORLD"] != nil {
                XCTFail("tmux is missing where the test command runs")
            }
            throw XCTSkip("tmux is not installed")
        }
    }
}

import Foundation
import TestSupport
import XCTest

extension TmuxSession {
    /// A session for a test; a missing tmux is handled as `Required` says.
    static func forTest(_ command: String, width: Int = 120, height: Int = 36, environment: [String: String] = [:]) throws -> TmuxSession {
        do {
            return try TmuxSession(command, width: width, height: height, environment: environment)
        } catch is TmuxSession.Unavailable {
            throw Required.missing("tmux", hint: "install tmux (./scripts/test does)")
        }
    }
}

import Foundation
import XCTest
@testable import Dashboard

/// A real terminal for end-to-end tests: a detached tmux session on a private server socket, driven with
/// send-keys and read with capture-pane.
final class TmuxSession {
    let socket: String
    let name = "ecsdash"

    /// Starts `command` (run by /bin/sh) in a fresh tmux server of the given size.
    init(_ command: String, width: Int = 120, height: Int = 36, environment: [String: String] = [:]) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || Self.which("tmux") != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("tmux is missing in CI") }
            throw XCTSkip("tmux is not installed")
        }
        socket = "ecsdash-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        let exports = (["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"].merging(environment) { $1 })
            .map { "export \($0.key)=\"\($0.value)\";" }.joined(separator: " ")
        // Single quotes keep tmux's own shell from expanding `$?` and friends meant for the inner one.
        let script = "\(exports) \(command)".replacingOccurrences(of: "'", with: "'\\''")
        try tmux(["-u", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "/bin/sh -c '\(script)'"], capture: false)
    }

    deinit { _ = try? tmux(["kill-server"], capture: false) }

    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys, capture: false)
    }

    /// Types text literally (no key-name interpretation).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text], capture: false)
    }

    func capture() -> String {
        (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
    }

    /// The pids of the pane's shell's children (the program under test), from /proc.
    func programPids() throws -> [pid_t] {
        let shell = try tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { pid_t($0) }
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"], capture: false)
    }

    /// How long a wait may take before it counts as a hang. Waits end as soon as the state is there, so this only
    /// bounds a hang; it is generous because a loaded 2-core machine can take tens of seconds to draw a frame.
    static let defaultTimeout: TimeInterval = 60

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen either way. Make the
    /// predicate cover everything the test then reads from `screen`: tmux may show a half-redrawn frame, so one
    /// string being there says nothing about another.
    @discardableResult
    func waitFor(timeout: TimeInterval = TmuxSession.defaultTimeout, _ predicate: (String) -> Bool) -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !predicate(screen) && Date() < deadline {
            usleep(50_000)
            screen = capture()
        }
        return (predicate(screen), screen)
    }

    func waitFor(_ text: String, timeout: TimeInterval = TmuxSession.defaultTimeout) -> (matched: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Waits until every one of `texts` is on the same screen.
    func waitFor(all texts: [String], timeout: TimeInterval = TmuxSession.defaultTimeout) -> (matched: Bool, screen: String) {
        waitFor(timeout: timeout) { screen in texts.allSatisfy { screen.contains($0) } }
    }

    /// Polls until `read` finds a value and two captures in a row agree on it, so a value read off a frame that
    /// tmux showed half-redrawn (half old cell, half new) is never taken; nil with the last screen at `timeout`.
    func waitForValue<Value: Equatable>(timeout: TimeInterval = TmuxSession.defaultTimeout,
                                        _ read: (String) -> Value?) -> (value: Value?, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var previous: Value?
        var screen = capture()
        while true {
            let value = read(screen)
            if let value, value == previous { return (value, screen) }
            previous = value
            guard Date() < deadline else { return (nil, screen) }
            usleep(50_000)
            screen = capture()
        }
    }

    /// Runs tmux through `ChildProcess` (posix_spawn + waitpid): Foundation's Process never saw `new-session`
    /// finish here, because its client forks the tmux server, which keeps inherited descriptors open.
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let result = ChildProcess.run(Self.which("tmux") ?? "/usr/bin/tmux", ["-L", socket] + arguments,
                                      environment: ProcessInfo.processInfo.environment, capture: capture)
        guard result.status >= 0 else { throw TmuxFailure(message: "cannot run tmux \(arguments.first ?? "")") }
        return result.output
    }

    struct TmuxFailure: Error {
        let message: String
    }

    private static func which(_ tool: String) -> String? {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin"] where FileManager.default.isExecutableFile(atPath: "\(directory)/\(tool)") {
            return "\(directory)/\(tool)"
        }
        return nil
    }
}

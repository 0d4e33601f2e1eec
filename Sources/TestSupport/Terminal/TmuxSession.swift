import Foundation

/// A real terminal for end-to-end tests and the terminal benchmarks: a detached tmux session on a private
/// server socket (no user config, no inherited TMUX), driven with send-keys and read with capture-pane.
package final class TmuxSession {
    package let socket: String
    package let name = "ecsdash"
    private let executable: String

    /// tmux is not installed where the session was asked for.
    package struct Unavailable: Error, CustomStringConvertible {
        package var description: String { "tmux is not installed" }
    }

    /// A tmux command that could not be run at all.
    package struct Failure: Error, CustomStringConvertible {
        package let message: String
        package var description: String { message }
    }

    /// Starts `command` (run by /bin/sh, in a UTF-8 locale) in a fresh tmux server of the given size.
    package init(_ command: String, width: Int = 120, height: Int = 36, environment: [String: String] = [:]) throws {
        guard let found = Self.which("tmux") else { throw Unavailable() }
        executable = found
        socket = "ecsdash-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        let exports = (["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color"].merging(environment) { $1 })
            .sorted { $0.key < $1.key }
            .map { "export \($0.key)=\"\($0.value)\";" }.joined(separator: " ")
        // Single quotes keep tmux's own shell from expanding `$?` and friends meant for the inner one.
        let script = "\(exports) \(command)".replacingOccurrences(of: "'", with: "'\\''")
        try tmux(["-u", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "/bin/sh -c '\(script)'"], capture: false)
    }

    /// Kills the server, and with it the program under test; the socket file goes too.
    deinit { stop() }

    package func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys, capture: false)
    }

    /// Types text literally (no key-name interpretation).
    package func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text], capture: false)
    }

    package func capture() -> String {
        (try? tmux(["capture-pane", "-p", "-t", name])) ?? ""
    }

    /// The visible screen, one string per row.
    package func captureRows() -> [String] {
        capture().components(separatedBy: "\n")
    }

    /// The pane's own process: the shell, or the program itself when the command starts with `exec`.
    package func panePID() -> pid_t? {
        pid_t(((try? tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The pids of the pane's shell's children (the program under test), from /proc.
    package func programPids() throws -> [pid_t] {
        guard let shell = panePID() else { throw Failure(message: "tmux list-panes gave no pane pid") }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { pid_t($0) }
    }

    /// Polls the visible rows every `pollMicroseconds` until `condition` holds; nil after `timeout`. The benchmarks'
    /// form: a short poll, so a key's latency is not rounded up to the test waits' 50 ms.
    package func waitForRows(timeout: TimeInterval, pollMicroseconds: UInt32 = 2000, _ condition: ([String]) -> Bool) -> [String]? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let rows = captureRows()
            if condition(rows) { return rows }
            usleep(pollMicroseconds)
        } while Date() < deadline
        return nil
    }

    /// Ends this private server (tmux hangs up on the pane's process). Returns whether `program` exited on that
    /// hang-up within `grace` seconds; if not it gets SIGTERM, so nothing is left running without a terminal.
    @discardableResult
    package func stop(program: pid_t? = nil, grace: TimeInterval = 3) -> Bool {
        _ = try? tmux(["kill-server"], capture: false)
        try? FileManager.default.removeItem(atPath: Self.socketPath(socket))
        guard let pid = program else { return true }
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline {
            if kill(pid, 0) != 0 { return true }
            usleep(50_000)
        }
        kill(pid, SIGTERM)
        return false
    }

    package func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"], capture: false)
    }

    /// How long a wait may take before it counts as a hang. Waits end as soon as the state is there, so this only
    /// bounds a hang; it is generous because a loaded 2-core machine can take tens of seconds to draw a frame.
    package static let defaultTimeout: TimeInterval = 60

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen either way. Make the
    /// predicate cover everything the test then reads from `screen`: tmux may show a half-redrawn frame, so one
    /// string being there says nothing about another.
    @discardableResult
    package func waitFor(timeout: TimeInterval = TmuxSession.defaultTimeout, _ predicate: (String) -> Bool) -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !predicate(screen) && Date() < deadline {
            usleep(50_000)
            screen = capture()
        }
        return (predicate(screen), screen)
    }

    package func waitFor(_ text: String, timeout: TimeInterval = TmuxSession.defaultTimeout) -> (matched: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Waits until every one of `texts` is on the same screen.
    package func waitFor(all texts: [String], timeout: TimeInterval = TmuxSession.defaultTimeout) -> (matched: Bool, screen: String) {
        waitFor(timeout: timeout) { screen in texts.allSatisfy { screen.contains($0) } }
    }

    /// Polls until `read` finds a value and two captures in a row agree on it, so a value read off a frame that
    /// tmux showed half-redrawn (half old cell, half new) is never taken; nil with the last screen at `timeout`.
    package func waitForValue<Value: Equatable>(timeout: TimeInterval = TmuxSession.defaultTimeout,
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
        // The server is started by the first call and keeps this environment for the pane: none of the runner's own
        // terminal settings (swift test sets NO_COLOR for its children), only what `init` exports.
        var environment = ProcessInfo.processInfo.environment
        for key in ["TMUX", "NO_COLOR", "COLUMNS", "LINES"] { environment.removeValue(forKey: key) }
        let result = ChildProcess.run(executable, ["-f", "/dev/null", "-L", socket] + arguments, environment: environment, capture: capture)
        guard result.status >= 0 else { throw Failure(message: "cannot run tmux \(arguments.first ?? "")") }
        return result.output
    }

    /// Where tmux keeps a `-L` socket: `$TMUX_TMPDIR` (else /tmp)/tmux-UID/NAME.
    private static func socketPath(_ socket: String) -> String {
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(directory)/tmux-\(getuid())/\(socket)"
    }

    package static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin"]
        return directories.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

import Foundation

/// A detached tmux session on a private server (its own `-L` socket, no user config) running one command
/// at a fixed size; the benchmarks type into it with `send-keys` and read it with `capture-pane`.
final class TmuxSession {
    let executable: String
    let socket: String
    private let environment: [String: String]

    /// nil when tmux is not on the PATH.
    init?(name: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        guard let found = path.map({ "\($0)/tmux" }).first(where: FileManager.default.isExecutableFile) else { return nil }
        executable = found
        socket = "ecsdash-bench-\(getpid())-\(name)"
        var environment = environment
        // A UTF-8 locale so the dashboard draws its Unicode marks and capture-pane returns them; no TMUX, as this
        // server is separate from any session the benchmark itself may run in.
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["TERM"] = environment["TERM"] ?? "xterm-256color"
        environment.removeValue(forKey: "TMUX")
        self.environment = environment
    }

    /// Starts `command` (run by the shell, so quote it) in a new detached session of `width`×`height`.
    func start(_ command: String, width: Int, height: Int) -> Bool {
        // Not captured: this client forks the server, which must not inherit a pipe the benchmark reads to its end.
        run(["new-session", "-d", "-s", "bench", "-x", String(width), "-y", String(height), command], capture: false).status == 0
    }

    /// The visible screen, one string per row.
    func capture() -> [String] {
        run(["capture-pane", "-p", "-t", "bench"]).output.components(separatedBy: "\n")
    }

    func send(_ keys: String) {
        run(["send-keys", "-t", "bench", keys], capture: false)
    }

    /// The process the pane runs (started with `exec`, so the command itself rather than a shell).
    func panePID() -> Int32? {
        Int32(run(["list-panes", "-t", "bench", "-F", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls the screen until `condition` holds; nil after `timeout` seconds.
    func waitFor(timeout: TimeInterval, pollMicroseconds: UInt32 = 2000, _ condition: ([String]) -> Bool) -> [String]? {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            let screen = capture()
            if condition(screen) { return screen }
            usleep(pollMicroseconds)
        } while Date() < deadline
        return nil
    }

    /// Ends this private server and the session in it (tmux hangs up on the pane's process); nothing else is touched.
    /// Returns whether `dashboard` exited on that hang-up within `grace` seconds; if not, it gets SIGTERM so
    /// no benchmark leaves a dashboard running without a terminal.
    @discardableResult
    func stop(dashboard: Int32? = nil, grace: TimeInterval = 3) -> Bool {
        run(["kill-server"], capture: false)
        // tmux 3.3 leaves the socket file behind here; once no server answers on it, it is only litter.
        if run(["list-sessions"], capture: false).status != 0 {
            let directory = environment["TMUX_TMPDIR"] ?? "/tmp"
            unlink("\(directory)/tmux-\(getuid())/\(socket)")
        }
        guard let pid = dashboard else { return true }
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline {
            if !ProcessMeter.isAlive(pid: pid) { return true }
            usleep(50_000)
        }
        kill(pid, SIGTERM)
        return false
    }

    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) -> (status: Int32, output: String) {
        ChildProcess.run(executable, ["-L", socket, "-f", "/dev/null"] + arguments, environment: environment, capture: capture)
    }
}

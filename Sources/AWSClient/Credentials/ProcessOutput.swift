import Foundation

/// What a finished child process left behind: exit status, stdout and stderr.
struct ProcessOutput: Sendable {
    var status: Int32
    var stdout: Data
    var stderr: Data

    /// The start of stderr, trimmed, to quote in an error without flooding the screen: empty when stderr is, nil
    /// when anything near its start is shaped like a key, secret or token (a helper that prints its credential
    /// document there, or a login tool's debug output). That is withheld whole rather than quoted with holes,
    /// since half a document still says more than it should.
    var stderrSnippet: String? {
        // Wider than the quote, so that a token the quote would cut in two is still seen whole.
        let window = String(decoding: stderr.prefix(4096), as: UTF8.self)
        if SecretScrubber.containsSecret(window) { return nil }
        let text = String(decoding: stderr.prefix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }

    /// Runs `executable` with `arguments` (no shell) off the cooperative pool (waiting on pipes blocks a thread) and
    /// drains both pipes concurrently so a chatty helper cannot fill one and stall. Cancelling the calling task
    /// kills the process and its process group, which holds the children it started.
    /// - Parameter environment: the child's environment; nil inherits this process's.
    static func run(executable: String, arguments: [String], environment: [String: String]?) async throws -> ProcessOutput {
        let running = RunningProcess()
        return try await withTaskCancellationHandler {
            try await output(of: executable, arguments: arguments, environment: environment, running: running)
        } onCancel: {
            running.stop()
        }
    }

    private static func output(of executable: String, arguments: [String], environment: [String: String]?,
                               running: RunningProcess) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executable)
                process.arguments = arguments
                if let environment { process.environment = environment }
                let stdout = Pipe()
                let stderr = Pipe()
                process.standardOutput = stdout
                process.standardError = stderr
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                running.started(process)
                let errors = DataBox()
                let group = DispatchGroup()
                group.enter()
                DispatchQueue.global().async {
                    errors.data = stderr.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
                let output = stdout.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: ProcessOutput(status: process.terminationStatus, stdout: output, stderr: errors.data))
            }
        }
    }

    /// The process once started, so a cancellation that comes before or after the start stops it.
    private final class RunningProcess: @unchecked Sendable {
        private let lock = NSLock()
        private var process: Process?
        private var stopped = false

        func started(_ process: Process) {
            let stopAtOnce = lock.withLock {
                self.process = process
                return stopped
            }
            if stopAtOnce { Self.kill(process) }
        }

        func stop() {
            let process: Process? = lock.withLock {
                stopped = true
                return self.process
            }
            if let process, process.isRunning { Self.kill(process) }
        }

        /// SIGKILL, not `terminate()`'s SIGTERM, which a helper can block or catch and go on hanging (one did in
        /// our tests); to the whole process group, of which Foundation makes the child the leader, so what the
        /// helper started goes too.
        private static func kill(_ process: Process) {
            let pid = process.processIdentifier
            guard pid > 0 else { return }
            _ = Foundation.kill(-pid, SIGKILL)
            _ = Foundation.kill(pid, SIGKILL)
        }
    }

    /// Carries stderr back from the reader thread; the dispatch group orders the write before the read.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}

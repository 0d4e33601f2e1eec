import Foundation

/// What a finished child process left behind: exit status, stdout and stderr.
struct ProcessOutput: Sendable {
    var status: Int32
    var stdout: Data
    var stderr: Data

    /// The start of stderr, trimmed, to quote in an error without flooding the screen.
    var stderrSnippet: String {
        let text = String(decoding: stderr.prefix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }

    /// Runs `/bin/sh -c command` off the cooperative pool (waiting on pipes blocks a thread) and
    /// drains both pipes concurrently so a chatty helper cannot fill one and stall.
    static func run(shellCommand command: String) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command]
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

    /// Carries stderr back from the reader thread; the dispatch group orders the write before the read.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }
}

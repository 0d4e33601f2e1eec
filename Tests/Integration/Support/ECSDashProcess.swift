import Foundation
import TestSupport
import XCTest

/// Runs the built `ecsdash` executable as a user would, capturing its output and exit code.
struct ECSDashProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        /// It was still running at its time limit and was killed.
        var timedOut = false
    }

    /// The built `ecsdash` beside the test bundle (or `ECSDASH_BIN`).
    static var executable: URL { BuiltExecutable.url("ecsdash") }

    /// Runs ecsdash to its end, or kills it after `timeout` seconds (then `timedOut` is set and the test has failed).
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 120,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw Required.missing("ecsdash at \(executable.path)", hint: "run swift build first", file: file, line: line)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // A clean environment: only what the test passes, plus PATH and HOME pointing nowhere useful.
        var base = ["PATH": "/usr/bin:/bin", "HOME": Scratch.directory("home").path, "AWS_EC2_METADATA_DISABLED": "true"]
        base.merge(environment) { $1 }
        process.environment = base
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // Both pipes are drained while the process runs, so a chatty one cannot block it on a full pipe.
        let stdout = PipeReader(out.fileHandleForReading)
        let stderr = PipeReader(err.fileHandleForReading)
        var timedOut = false
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
            XCTFail("ecsdash \(arguments.joined(separator: " ")) was still running after \(Int(timeout)) s and was killed", file: file, line: line)
        }
        return Result(status: process.terminationStatus, stdout: stdout.text(), stderr: stderr.text(), timedOut: timedOut)
    }

}

/// Reads a pipe to its end on a thread of its own.
final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Waits for the end of the pipe (every writer gone) and returns what was read.
    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

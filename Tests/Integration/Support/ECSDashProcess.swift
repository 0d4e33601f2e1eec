import Foundation
import XCTest

/// Runs the built `ecsdash` executable as a user would, capturing its output and exit code.
struct ECSDashProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable sits beside the test bundle in the build directory.
    static var executable: URL {
        // Linux reports the build directory itself; macOS reports the .xctest bundle inside it.
        var directory = Bundle(for: BundleLocator.self).bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("ecsdash")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("ecsdash is not built at \(executable.path)", file: file, line: line) }
            throw XCTSkip("ecsdash is not built at \(executable.path); run swift build first")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        // A clean environment: only what the test passes, plus PATH and HOME pointing nowhere useful.
        var base = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "AWS_EC2_METADATA_DISABLED": "true"]
        base.merge(environment) { $1 }
        process.environment = base
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    private final class BundleLocator {}
}

import Foundation

/// Finds the package's built executables (`ecsdash`) for tests and benchmarks: they sit beside the running test
/// bundle or benchmark binary in the same build directory, unless `ECSDASH_BIN` names one.
package enum BuiltExecutable {
    /// The executable called `name` in the running program's build directory, or `ECSDASH_BIN` for `ecsdash`.
    package static func url(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if name == "ecsdash", let path = environment["ECSDASH_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return buildDirectory().appendingPathComponent(name)
    }

    /// Linux runs the test bundle itself (`…PackageTests.xctest`) and the benchmark binary from the build directory;
    /// macOS runs a helper with the bundle inside the directory, so a `.xctest` component is climbed out of.
    static func buildDirectory() -> URL {
        var url = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        if let bundle = url.pathComponents.firstIndex(where: { $0.hasSuffix(".xctest") }) {
            url = URL(fileURLWithPath: "/" + url.pathComponents[1..<bundle].joined(separator: "/"))
            return url
        }
        return url.deletingLastPathComponent()
    }
}

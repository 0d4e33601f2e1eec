import Foundation

/// Where tests and benchmarks put their files: one directory per process, `$TMPDIR/ecsdash-tests-PID`, removed when
/// the process exits, so a run leaves nothing behind however a test ends; roots of processes that died without
/// exiting (a crash, SIGKILL) are removed by the next run.
package enum Scratch {
    private static let prefix = "ecsdash-tests-"

    /// This process's root, created (and its clean-up registered) on first use.
    package static let root: URL = {
        let base = FileManager.default.temporaryDirectory
        removeRootsOfDeadProcesses(in: base)
        let root = base.appendingPathComponent("\(prefix)\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()

    /// A fresh, empty directory under the root; `label` says in a failure message whose it is.
    package static func directory(_ label: String) -> URL {
        let directory = root.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A path under the root for a file the caller (or the program under test) creates.
    package static func file(_ name: String) -> URL {
        root.appendingPathComponent("\(UUID().uuidString.prefix(8))-\(name)")
    }

    private static func removeRootsOfDeadProcesses(in base: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
        }
    }
}

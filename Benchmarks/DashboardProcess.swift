import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// Finding and starting the real `ecsdash` binary for the terminal benchmarks: it sits next to the
/// benchmark binary when both are built into the same scratch path.
enum DashboardProcess {
    /// The selection mark the matrix draws before the selected service.
    static let selectionMark = "▸"

    /// `ECSDASH_BIN` if set, else `ecsdash` in the benchmark executable's directory; nil when missing.
    static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["ECSDASH_BIN"] {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let own = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let path = own.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("ecsdash").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The shell command for a tmux pane: `exec`, so the pane's process is the dashboard itself.
    static func demoCommand(_ executable: String) -> String {
        "exec '\(executable.replacingOccurrences(of: "'", with: "'\\''"))' --demo"
    }

    /// The row the selection mark is on, if the matrix is showing.
    static func markRow(_ screen: [String]) -> Int? {
        screen.firstIndex { $0.contains(selectionMark) }
    }

    /// The dashboard's pid: the pane's process, or its `ecsdash` child if a shell sits in between.
    static func dashboardPID(panePID: Int32) -> Int32? {
        if ProcessMeter.commandName(pid: panePID) == "ecsdash" { return panePID }
        return ProcessMeter.children(pid: panePID).first { ProcessMeter.commandName(pid: $0) == "ecsdash" }
    }
}

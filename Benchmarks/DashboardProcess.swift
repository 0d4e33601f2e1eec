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

    /// The built `ecsdash` (`ECSDASH_BIN`, else beside the benchmark binary); nil when it is not there.
    static func executable() -> String? {
        let path = BuiltExecutable.url("ecsdash").path
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

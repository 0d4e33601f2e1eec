import DashboardEngine
import DashboardModel

/// Renders doctor checks as an aligned table with ✓, ! and ✗ marks and a closing summary line (worded so CI never mistakes it for a test summary).
package enum DoctorReport {
    package static func render(_ checks: [DoctorCheck]) -> String {
        let targetWidth = max(6, checks.map(\.target.count).max() ?? 0)
        let nameWidth = max(5, checks.map(\.name.count).max() ?? 0)
        var lines = ["\(pad("TARGET", targetWidth))  \(pad("CHECK", nameWidth))  DETAIL"]
        for check in checks {
            let mark: String
            switch check.outcome {
            case .passed: mark = "✓"
            case .warning: mark = "!"
            case .failed: mark = "✗"
            }
            lines.append("\(pad(check.target, targetWidth))  \(mark) \(pad(check.name, nameWidth - 2))  \(check.detail)")
        }
        let failed = checks.filter { $0.outcome == .failed }.count
        let warned = checks.filter { $0.outcome == .warning }.count
        lines.append("")
        lines.append("\(checks.count - failed - warned) ok · \(failed) failing · \(warned) warnings")
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

import DashboardEngine
import DashboardModel
import DashboardViews
import Foundation

/// Renders the fleet as a services × environments text table for `ecsdash status`.
package enum StatusTable {
    /// The dashboard's own marks, so a cell reads the same in both.
    package static let legend = "cell: tag→digest running/desired(+pending) rollout · ◆ image differs from the environment before · ≠ tag and running digest drift · !n unhealthy tasks · then the last hour's problems"

    package static func render(_ fleet: FleetSnapshot, now: Date, refresh: TimeInterval) -> String {
        let names = fleet.environmentNames
        let services = fleet.serviceNames
        var header = ["SERVICE"]
        for state in fleet.environments {
            var title = state.name.uppercased()
            if let age = state.age(now: now) { title += " (\(Age.format(age)))" }
            if state.error != nil { title += state.snapshot == nil ? " ERROR" : " STALE" }
            header.append(title)
        }
        var rows = [header]
        for service in services {
            rows.append([service] + names.map { cell(service, in: $0, fleet: fleet, now: now) })
        }
        var lines = table(rows)
        if services.isEmpty { lines.append("(no services)") }
        lines.append("")
        lines.append(legend)
        let errors = fleet.environments.compactMap { state in state.error.map { "\(state.name): \($0)" } }
            + fleet.environments.flatMap { state in (state.snapshot?.errors ?? []).map { "\(state.name): \($0)" } }
            + (fleet.registry?.errors ?? []).map { "registry: \($0)" }
        if !errors.isEmpty {
            lines.append("")
            lines.append("errors:")
            lines.append(contentsOf: errors.map { "  \($0)" })
        }
        return lines.joined(separator: "\n")
    }

    package static func cell(_ service: String, in environment: String, fleet: FleetSnapshot, now: Date = Date()) -> String {
        guard let snapshot = fleet.service(service, in: environment) else { return "-" }
        let tag = snapshot.image?.tag ?? "?"
        let digest = fleet.tagDigest(service, in: environment).map(DigestText.cell) ?? "?"
        var text = "\(tag)→\(digest) \(snapshot.running)/\(snapshot.desired)"
        if snapshot.pending > 0 { text += "(+\(snapshot.pending))" }
        text += " " + snapshot.rolloutPhase.rawValue
        var marks: [String] = []
        if fleet.differsFromPrevious(service, in: environment) == true { marks.append(Symbols.unicode.differs) }
        if fleet.drift(service, in: environment) == true { marks.append(Symbols.unicode.drift) }
        if snapshot.unhealthyTaskCount > 0 { marks.append("!\(snapshot.unhealthyTaskCount)") }
        if let problems = ProblemSummary.text(fleet.problems(service, in: environment, now: now), now: now) { marks.append(problems) }
        return marks.isEmpty ? text : "\(text) \(marks.joined(separator: " "))"
    }

    package static func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, text in
                index == row.count - 1 ? text : text + String(repeating: " ", count: widths[index] - text.count)
            }.joined(separator: "  ")
        }
    }
}

import DashboardModel
import Foundation

/// One matrix cell's two lines: image (tag → digest, markers) and health (counts, rollout, the last window's
/// problems), with styles; counts from a stale environment are never drawn as healthy.
package struct MatrixCell: Equatable {
    package var image: String
    package var imageStyle: TextStyle
    package var health: String
    package var healthStyle: TextStyle

    package static func build(service: String, environment: String, fleet: FleetSnapshot, symbols: Symbols, frame: Int,
                              now: Date, refresh: TimeInterval) -> MatrixCell {
        guard let snapshot = fleet.service(service, in: environment) else {
            let state = fleet.state(environment)
            let missing = state?.snapshot == nil ? (state?.error != nil ? "unavailable" : "loading…") : "—"
            return MatrixCell(image: missing, imageStyle: .muted, health: "", healthStyle: .muted)
        }
        let digest = fleet.tagDigest(service, in: environment).map(DigestText.cell) ?? "?"
        var image = "\(snapshot.image?.tag ?? "?")\(symbols.arrow)\(digest)"
        var imageStyle = TextStyle.text
        if fleet.tagDigestIsStale(service, in: environment) {
            image += " \(symbols.stale)"
            imageStyle = .muted
        }
        if fleet.differsFromPrevious(service, in: environment) == true {
            image += " \(symbols.differs)"
            imageStyle = TextStyle(role: .header)
        }
        if fleet.drift(service, in: environment) == true {
            image += " \(symbols.drift)"
            imageStyle = .warn
        }
        var health = "\(snapshot.running)/\(snapshot.desired)"
        if snapshot.pending > 0 { health += " +\(snapshot.pending)" }
        if fleet.state(environment)?.isStale(now: now, refresh: refresh) == true {
            // Counts from an environment that could not be read lately are only the last ones seen, never a green tick.
            return MatrixCell(image: image, imageStyle: imageStyle, health: health + " \(symbols.stale)", healthStyle: .muted)
        }
        let problems = fleet.problems(service, in: environment, now: now)
        if let summary = ProblemSummary.text(problems, now: now) {
            // The words and the style say it; only a rollout still moving keeps its spinner (cells are 22 columns at 80).
            let marker = snapshot.rolloutPhase == .rolling ? " \(symbols.spinner(frame: frame))" : ""
            let count = snapshot.unhealthyTaskCount > 0 ? " !\(snapshot.unhealthyTaskCount)" : ""
            return MatrixCell(image: image, imageStyle: imageStyle, health: "\(health)\(count)\(marker) \(summary)",
                              healthStyle: ProblemSummary.isError(problems) ? .error : .warn)
        }
        let healthStyle: TextStyle
        switch snapshot.rolloutPhase {
        case .rolling:
            health += " \(symbols.spinner(frame: frame)) rolling"
            // How long it has been rolling, so a slow rollout reads differently from one just started.
            if let started = snapshot.deployments.first(where: { $0.status == "PRIMARY" })?.createdAt {
                health += " \(Age.format(now.timeIntervalSince(started)))"
            }
            healthStyle = .inProgress
        case .failed:
            health += " \(symbols.failed) failed"
            healthStyle = .error
        case .degraded:
            health += " \(symbols.warning) degraded"
            healthStyle = .warn
        case .ok:
            health += " \(symbols.ok)"
            healthStyle = .ok
        }
        if snapshot.unhealthyTaskCount > 0 {
            health += " !\(snapshot.unhealthyTaskCount)"
            return MatrixCell(image: image, imageStyle: imageStyle, health: health, healthStyle: .error)
        }
        return MatrixCell(image: image, imageStyle: imageStyle, health: health, healthStyle: healthStyle)
    }
}

import DashboardModel
import Foundation

/// One service in one environment, for incidents: where you are, the last hour's problems, every deployment ECS
/// lists (failed ones with their reason), recent events, tasks with a cursor (stopped ones newest first, with stop
/// time, reason and each container's exit), target health, pipeline.
package struct ServiceView {
    package var symbols: Symbols

    /// A line of the service view; task lines carry their index so the cursor can be drawn and kept visible.
    package struct Line: Equatable {
        package var text: String
        package var style: TextStyle
        package var taskIndex: Int?
    }

    package func draw(_ state: AppState, environment: String, service: String, layout: Layout, into canvas: inout some Canvas) {
        guard let snapshot = state.fleet.service(service, in: environment) else {
            canvas.put("\(service) is not in \(environment) any more.", row: layout.bodyTop, column: 1, style: .muted)
            return
        }
        let lines = Self.lines(snapshot, environment: environment, fleet: state.fleet, now: state.now, symbols: symbols,
                               showStopped: state.showStoppedTasks, allEvents: state.showAllEvents, order: state.taskOrder)
        let start: Int
        if state.showAllEvents {
            start = max(0, min(state.scroll, lines.count - layout.bodyHeight))
        } else {
            let cursorLine = lines.firstIndex { $0.taskIndex == state.serviceCursor } ?? 0
            start = max(0, min(cursorLine - layout.bodyHeight / 2, lines.count - layout.bodyHeight))
        }
        for (offset, line) in lines[start...].prefix(layout.bodyHeight).enumerated() {
            var style = line.style
            if let task = line.taskIndex, task == state.serviceCursor { style.reverse = true }
            canvas.put(line.text, row: layout.bodyTop + offset, column: 0, width: canvas.width, style: style)
        }
    }

    package static func lines(_ service: ServiceSnapshot, environment: String, fleet: FleetSnapshot, now: Date, symbols: Symbols,
                              showStopped: Bool = true, allEvents: Bool = false, order: TaskOrder = .listed) -> [Line] {
        var lines: [Line] = []
        func section(_ title: String) { lines.append(Line(text: " \(title)", style: .header, taskIndex: nil)) }
        func row(_ text: String, _ style: TextStyle = .text, task: Int? = nil) { lines.append(Line(text: "  \(text)", style: style, taskIndex: task)) }
        func ago(_ date: Date?) -> String { date.map { Age.format(now.timeIntervalSince($0)) + " ago" } ?? "-" }
        func col(_ text: String, _ width: Int) -> String { TextWidth.fit(text, width, ellipsis: true) }

        let tasks = service.listedTasks(showStopped: showStopped, order: order)
        let digest = fleet.tagDigest(service.name, in: environment)
        let image = service.image.map { "\($0.repository):\($0.tag ?? "-")" } ?? "?"
        row("image \(image) \(symbols.arrow) \(digest ?? "unknown")   running \(service.runningDigests.map(DigestText.cell).joined(separator: ", "))",
            fleet.drift(service.name, in: environment) == true ? .warn : .text)
        let primary = service.deployments.first { $0.status == "PRIMARY" }
        let deployed = primary?.createdAt.map { "  deployed \(Age.format(now.timeIntervalSince($0))) ago" } ?? ""
        row("desired \(service.desired)  running \(service.running)  pending \(service.pending)  rollout \(service.rolloutState?.wire ?? "-")\(service.rolloutReason.map { " (\($0))" } ?? "")\(deployed)")
        let problems = fleet.problems(service.name, in: environment, now: now)
        if !problems.isEmpty {
            section("Problems (last \(Age.format(fleet.problems.rules.window)))")
            for problem in problems {
                let style: TextStyle = problem.kind == .rolledBack || problem.kind == .failed ? .error : .warn
                row(col(ago(problem.at), 9) + col(Self.name(of: problem.kind), 20) + problem.detail, style)
            }
        }
        section("Deployments")
        row(col("STATUS", 9) + col("REV", 5) + col("DESIRED", 8) + col("RUNNING", 8) + col("PENDING", 8) + col("FAILED", 7) + col("ROLLOUT", 12) + "UPDATED", .muted)
        for deployment in service.deployments {
            let style: TextStyle = deployment.rolloutState == .failed ? .error : (deployment.rolloutState == .inProgress ? .inProgress : .text)
            row(col(deployment.status, 9) + col(deployment.revision.map(String.init) ?? "-", 5) + col("\(deployment.desired)", 8) + col("\(deployment.running)", 8)
                + col("\(deployment.pending)", 8) + col("\(deployment.failed)", 7) + col(deployment.rolloutState?.wire ?? "-", 12) + ago(deployment.updatedAt ?? deployment.createdAt), style)
            if deployment.rolloutState == .failed, let reason = deployment.rolloutReason { row("  \(deployment.id): \(reason)", .error) }
        }
        let shownEvents = allEvents ? service.events : Array(service.events.prefix(Self.recentEvents))
        section(allEvents ? "Events (all \(service.events.count), j/k scroll, e or esc: back)" : "Events")
        if service.events.isEmpty { row("(none)", .muted) }
        for event in shownEvents {
            row(col(ago(event.createdAt), 9) + event.message, event.message.contains("unhealthy") || event.message.contains("failed") ? .warn : .text)
        }
        if shownEvents.count < service.events.count { row("… \(service.events.count - shownEvents.count) older (e shows them all)", .muted) }
        let hidden = service.tasks.count - tasks.count
        let ordered = order == .listed ? "" : ", by \(order.rawValue)"
        section(hidden > 0 ? "Tasks (\(hidden) stopped hidden: x shows them\(ordered))" : (ordered.isEmpty ? "Tasks" : "Tasks (\(ordered.dropFirst(2)))"))
        row(col("TASK", 10) + col("STATUS", 13) + col("HEALTH", 10) + col("DIGEST", 9) + col("STARTED", 9) + col("AZ", 12) + col("IP", 15) + "STOPPED / EXIT", .muted)
        if tasks.isEmpty { row("(none)", .muted) }
        for (index, task) in tasks.enumerated() {
            let exits = task.containers.compactMap { container in container.exitCode.map { "\(container.name) exit \($0)\(container.reason.map { " \($0)" } ?? "")" } }
            let when = task.stoppedAt.map { "\(Age.format(now.timeIntervalSince($0))) ago: " } ?? ""
            let stopped = when + ([task.stoppedReason].compactMap { $0 } + exits).joined(separator: "; ")
            let style: TextStyle = task.health == "UNHEALTHY" || task.containers.contains { ($0.exitCode ?? 0) != 0 } ? .error
                : (task.lastStatus == "RUNNING" ? .text : .muted)
            let status = task.lastStatus == task.desiredStatus ? task.lastStatus : "\(task.lastStatus)\(symbols.arrow)\(task.desiredStatus)"
            if task.desiredStatus == "STOPPED" {
                // A stopped task has no health, and where it ran matters less than why it stopped: that gets the room.
                row(col(String(task.id.prefix(8)), 10) + col(status, 13) + col("-", 10) + col(task.imageDigest.map(DigestText.cell) ?? "-", 9) + stopped,
                    style, task: index)
                continue
            }
            row(col(String(task.id.prefix(8)), 10) + col(status, 13) + col(task.health, 10) + col(task.imageDigest.map(DigestText.cell) ?? "-", 9)
                + col(task.startedAt.map { Age.format(now.timeIntervalSince($0)) } ?? "-", 9) + col(task.availabilityZone ?? "-", 12)
                + col(task.privateIP ?? "-", 15) + stopped, style, task: index)
        }
        if !service.targetHealth.isEmpty {
            section("Target health")
            for target in service.targetHealth {
                row("\(target.targetId):\(target.port.map(String.init) ?? "-")  \(target.state)\(target.reason.map { "  \($0)" } ?? "")",
                    target.state == "healthy" ? .ok : .warn)
            }
        }
        let pipelines = fleet.state(environment)?.snapshot?.pipelines ?? []
        let related = pipelines.filter { $0.name.contains(service.name) }
        if !pipelines.isEmpty {
            section("Pipeline")
            for pipeline in related.isEmpty ? pipelines : related {
                let stages = pipeline.stages.map { "\($0.name) \(stageMark($0.status, symbols))" }.joined(separator: " \(symbols.arrow) ")
                row("\(pipeline.name): \(stages)", pipeline.latestExecutionStatus == "Failed" ? .error : .text)
            }
        }
        return lines
    }

    /// Events shown while reading tasks; `e` shows every one ECS keeps.
    package static let recentEvents = 8

    package static func name(of kind: ServiceProblem.Kind) -> String {
        switch kind {
        case .rolledBack: "rolled back"
        case .failed: "failed"
        case .crash(let reason): "crashed (\(reason))"
        case .stuck: "stuck"
        }
    }

    package static func stageMark(_ status: String?, _ symbols: Symbols) -> String {
        switch status {
        case "Succeeded": return symbols.ok
        case "Failed": return symbols.failed
        case "InProgress": return "…"
        default: return "·"
        }
    }
}

import Foundation

/// The task definition pane's text, shared by the dashboard and `ecsdash diff --output table`: a summary read top to
/// bottom, or a diff with what a promotion changes first. Pure: the same input gives the same lines.
package enum TaskDefinitionReport {
    /// One line and how it is meant to look.
    package struct Line: Equatable, Sendable {
        package enum Style: Equatable, Sendable {
            case heading, text, muted
            /// A difference a promotion would bring (the image).
            case promotion
            /// A difference that stays with the environment.
            case perEnvironment
        }

        package var text: String
        package var style: Style

        package init(_ text: String, _ style: Style = .text) {
            self.text = text
            self.style = style
        }
    }

    /// A summary as lines; `now` gives the registration's age.
    package static func lines(_ summary: TaskDefinitionSummary, environment: String, now: Date) -> [Line] {
        var lines: [Line] = [Line("\(summary.reference) · \(environment)", .heading)]
        lines.append(Line("registered  \(registered(summary.registeredAt, now: now))"))
        lines.append(Line("task        cpu \(summary.cpu ?? "—")  memory \(summary.memory ?? "—")  network \(summary.networkMode ?? "—")"))
        lines.append(Line("roles       task \(summary.taskRole ?? "—")  execution \(summary.executionRole ?? "—")"))
        for container in summary.containers {
            lines.append(Line(""))
            lines += self.lines(container)
        }
        return lines
    }

    private static func lines(_ container: TaskDefinitionSummary.Container) -> [Line] {
        var lines = [Line("container \(container.name)\(container.essential ? " (essential)" : "")", .heading)]
        let image = container.imageReference
        var parts: [String] = []
        if let tag = image.tag { parts.append("tag \(tag)") }
        if let digest = image.pinnedDigest { parts.append("pinned \(DigestText.short(digest))") }
        lines.append(Line("  image       \(container.image)"))
        if !parts.isEmpty { lines.append(Line("              \(parts.joined(separator: ", "))", .muted)) }
        lines.append(Line("  size        cpu \(number(container.cpu))  memory \(number(container.memory))  reservation \(number(container.memoryReservation))"))
        lines.append(Line("  ports       \(container.ports.isEmpty ? "none" : container.ports.map(\.text).joined(separator: ", "))"))
        if let check = container.healthCheck {
            lines.append(Line("  health      \(check.commandText)"))
            lines.append(Line("              \(check.timingText)", .muted))
        } else {
            lines.append(Line("  health      none"))
        }
        if let log = container.log {
            lines.append(Line("  log         \(log.driver)"))
            for option in log.options { lines.append(Line("                \(option.name)=\(option.value.text)", .muted)) }
            for secret in log.secretOptions { lines.append(Line("                \(secret.name) ← \(secret.valueFrom)", .muted)) }
        } else {
            lines.append(Line("  log         none"))
        }
        lines.append(Line("  environment (\(container.environment.count))"))
        for variable in container.environment { lines.append(Line("    \(variable.name)=\(variable.value.text)")) }
        lines.append(Line("  secrets (\(container.secrets.count), names and sources only)"))
        for secret in container.secrets { lines.append(Line("    \(secret.name) ← \(secret.valueFrom)")) }
        return lines
    }

    /// A diff as lines, `from` the environment a promotion would come from.
    package static func lines(_ diff: TaskDefinitionDiff, from: (environment: String, summary: TaskDefinitionSummary),
                              to: (environment: String, summary: TaskDefinitionSummary)) -> [Line] {
        var lines = [Line("\(from.environment) → \(to.environment)   \(from.summary.reference) → \(to.summary.reference)", .heading)]
        guard !diff.isEmpty else {
            lines.append(Line("identical: nothing differs", .muted))
            return lines
        }
        lines.append(Line(""))
        lines.append(Line("a promotion would change (\(diff.promotion.count))", .heading))
        if diff.promotion.isEmpty { lines.append(Line("  nothing: the images are the same", .muted)) }
        lines += diff.promotion.flatMap { changeLines($0, from: from.environment, to: to.environment).map { Line($0, .promotion) } }
        lines.append(Line(""))
        lines.append(Line("stays per environment (\(diff.perEnvironment.count))", .heading))
        if diff.perEnvironment.isEmpty { lines.append(Line("  nothing: a promotion makes the two the same", .muted)) }
        lines += diff.perEnvironment.flatMap { changeLines($0, from: from.environment, to: to.environment).map { Line($0, .perEnvironment) } }
        return lines
    }

    /// Changes longer than this go on three lines, so an image or an ARN is never cut off on an 80-column screen.
    static let oneLineLimit = 78

    /// `  frontend environment.APP_ENV: uat → prod`, `(absent)` for a missing side.
    package static func changeText(_ change: TaskDefinitionDiff.Change) -> String {
        "  \(change.label): \(change.from ?? "(absent)") → \(change.to ?? "(absent)")"
    }

    /// A change on one line when it fits, else its label and then each side under its environment's name.
    package static func changeLines(_ change: TaskDefinitionDiff.Change, from: String, to: String) -> [String] {
        let line = changeText(change)
        guard line.count > oneLineLimit else { return [line] }
        let width = max(from.count, to.count)
        func pad(_ name: String) -> String { name + String(repeating: " ", count: width - name.count) }
        return ["  \(change.label):", "      \(pad(from))  \(change.from ?? "(absent)")", "      \(pad(to))  \(change.to ?? "(absent)")"]
    }

    /// `2026-09-21 14:13:20 UTC (3d ago)`: a date people read, never ECS's epoch float.
    package static func registered(_ date: Date?, now: Date) -> String {
        guard let date else { return "unknown" }
        return "\(dateText(date)) (\(Age.format(max(0, now.timeIntervalSince(date)))) ago)"
    }

    /// A date in UTC as `yyyy-MM-dd HH:mm:ss UTC`, the same on every machine.
    package static func dateText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) UTC"
    }

    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "—" }
}

/// What differs between two environments' task definitions for one service, split the way a release manager asks:
/// what a promotion would change (the image) and what stays per environment (everything else). Lists only
/// differences, images first; a revision's family, number and date are identity, not differences.
package struct TaskDefinitionDiff: Equatable, Sendable {
    /// Image changes, one per container whose image differs.
    package var promotion: [Change]
    /// Every other difference: sizes, roles, variables, secrets' sources, ports, health check, logging.
    package var perEnvironment: [Change]

    package var isEmpty: Bool { promotion.isEmpty && perEnvironment.isEmpty }
    /// True when a promotion would leave the two definitions the same.
    package var onlyImageDiffers: Bool { perEnvironment.isEmpty }

    /// One differing field; nil on a side where the field is absent.
    package struct Change: Equatable, Sendable {
        /// The container's name, or nil for a task-level field.
        package var container: String?
        /// ECS's name for the field, with the variable or option name after a dot: `environment.APP_ENV`.
        package var field: String
        package var from: String?
        package var to: String?

        package init(container: String?, field: String, from: String?, to: String?) {
            self.container = container
            self.field = field
            self.from = from
            self.to = to
        }

        /// `frontend environment.APP_ENV` or `task memory`.
        package var label: String { "\(container ?? "task") \(field)" }
    }

    package init(promotion: [Change] = [], perEnvironment: [Change] = []) {
        self.promotion = promotion
        self.perEnvironment = perEnvironment
    }

    /// The differences going from `from` (the environment a promotion comes from) to `to`.
    package static func between(_ from: TaskDefinitionSummary, _ to: TaskDefinitionSummary) -> TaskDefinitionDiff {
        let old = fields(of: from)
        let new = fields(of: to)
        let oldByKey = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(new.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var keys = old.map(\.key)
        keys += new.map(\.key).filter { oldByKey[$0] == nil }
        var diff = TaskDefinitionDiff()
        for key in keys {
            let before = oldByKey[key]
            let after = newByKey[key]
            guard before?.compared != after?.compared else { continue }
            let change = Change(container: key.container, field: key.field, from: before?.shown, to: after?.shown)
            if key.field == "image" { diff.promotion.append(change) } else { diff.perEnvironment.append(change) }
        }
        return diff
    }

    /// A field's place: container (nil for the task) and name.
    struct Key: Hashable {
        var container: String?
        var field: String
    }

    /// A field as shown and as compared: the same text, except hidden values compare by fingerprint.
    struct Field {
        var key: Key
        var shown: String
        var compared: String
    }

    /// Every field of a summary in reading order: task level, then each container.
    static func fields(of summary: TaskDefinitionSummary) -> [Field] {
        var result: [Field] = []
        func add(_ container: String?, _ field: String, _ value: String?) {
            guard let value else { return }
            result.append(Field(key: Key(container: container, field: field), shown: value, compared: value))
        }
        func add(_ container: String?, _ field: String, _ value: TaskDefinitionSummary.Variable.Value) {
            let compared: String
            switch value {
            case .plain(let text): compared = "plain:" + text
            case .hidden(let fingerprint): compared = "hidden:" + fingerprint
            }
            result.append(Field(key: Key(container: container, field: field), shown: value.text, compared: compared))
        }
        add(nil, "cpu", summary.cpu)
        add(nil, "memory", summary.memory)
        add(nil, "networkMode", summary.networkMode)
        add(nil, "taskRole", summary.taskRole)
        add(nil, "executionRole", summary.executionRole)
        for container in summary.containers {
            let name = container.name
            add(name, "image", container.image)
            add(name, "cpu", container.cpu.map(String.init))
            add(name, "memory", container.memory.map(String.init))
            add(name, "memoryReservation", container.memoryReservation.map(String.init))
            add(name, "essential", String(container.essential))
            for variable in container.environment { add(name, "environment.\(variable.name)", variable.value) }
            for secret in container.secrets { add(name, "secrets.\(secret.name)", secret.valueFrom) }
            if !container.ports.isEmpty { add(name, "portMappings", container.ports.map(\.text).joined(separator: ", ")) }
            if let check = container.healthCheck {
                add(name, "healthCheck.command", check.commandText)
                add(name, "healthCheck.interval", check.interval.map(String.init))
                add(name, "healthCheck.timeout", check.timeout.map(String.init))
                add(name, "healthCheck.retries", check.retries.map(String.init))
                add(name, "healthCheck.startPeriod", check.startPeriod.map(String.init))
            }
            if let log = container.log {
                add(name, "logConfiguration.logDriver", log.driver)
                for option in log.options { add(name, "logConfiguration.options.\(option.name)", option.value) }
                for secret in log.secretOptions { add(name, "logConfiguration.secretOptions.\(secret.name)", secret.valueFrom) }
            }
        }
        return result
    }
}

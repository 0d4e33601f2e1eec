/// How the service view orders live tasks (`S` cycles): as ECS lists them, newest start first, trouble first
/// (unhealthy, then not yet running), or by availability zone.
package enum TaskOrder: String, CaseIterable, Equatable, Sendable {
    case listed
    case started
    case health
    case zone

    package var next: TaskOrder {
        let all = TaskOrder.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The live tasks in this order; ties keep ECS's order, so the list does not jump between polls.
    package func sorted(_ tasks: [TaskSnapshot]) -> [TaskSnapshot] {
        let indexed = Array(tasks.enumerated())
        func rank(_ task: TaskSnapshot) -> Int {
            if task.health == "UNHEALTHY" { return 0 }
            if task.lastStatus != "RUNNING" { return 1 }
            return 2
        }
        let ordered: [(offset: Int, element: TaskSnapshot)]
        switch self {
        case .listed:
            return tasks
        case .started:
            ordered = indexed.sorted {
                let (a, b) = ($0.element.startedAt ?? .distantFuture, $1.element.startedAt ?? .distantFuture)
                return a != b ? a > b : $0.offset < $1.offset
            }
        case .health:
            ordered = indexed.sorted {
                let (a, b) = (rank($0.element), rank($1.element))
                return a != b ? a < b : $0.offset < $1.offset
            }
        case .zone:
            ordered = indexed.sorted {
                let (a, b) = ($0.element.availabilityZone ?? "~", $1.element.availabilityZone ?? "~")
                return a != b ? a < b : $0.offset < $1.offset
            }
        }
        return ordered.map(\.element)
    }
}

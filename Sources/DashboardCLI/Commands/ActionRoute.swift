import DashboardEngine
import DashboardModel

/// Picks the source and target environments of a promotion from the promotion order.
package enum ActionRoute {
    /// `--to` defaults to the environment after `--from`, `--from` to the one before `--to`.
    package static func resolve(from: String?, to: String?, order: [String]) -> Result<(from: String, to: String), ActionRouteError> {
        for name in [from, to].compactMap({ $0 }) where !order.contains(name) {
            return .failure(ActionRouteError(message: "unknown environment \(name); configured: \(order.joined(separator: ", "))"))
        }
        switch (from, to) {
        case (nil, nil):
            return .failure(ActionRouteError(message: "say where to promote: --from ENV and/or --to ENV"))
        case (let from?, let to?):
            return from == to ? .failure(ActionRouteError(message: "--from and --to are both \(from)")) : .success((from, to))
        case (let from?, nil):
            guard let index = order.firstIndex(of: from), index + 1 < order.count else {
                return .failure(ActionRouteError(message: "\(from) is the last environment; there is nothing after it to promote to"))
            }
            return .success((from, order[index + 1]))
        case (nil, let to?):
            guard let index = order.firstIndex(of: to), index > 0 else {
                return .failure(ActionRouteError(message: "\(to) is the first environment; there is nothing before it to promote from"))
            }
            return .success((order[index - 1], to))
        }
    }
}

/// Why the environments of a promotion could not be chosen.
package struct ActionRouteError: Error, Equatable {
    package let message: String
}

import AWSClient
import DashboardModel

/// A service as a poller keeps it between refreshes: the wire shape with only the events a pane can show
/// (ECS sends up to 100 per service), held by reference so handing it out of the cache costs one retain.
package final class PolledService: Decodable, Sendable, Equatable {
    package let service: ECSService

    package init(from decoder: any Decoder) throws {
        var service = try ECSService(from: decoder)
        service.events = service.events.map { Array($0.prefix(ServiceSnapshot.eventLimit)) }
        self.service = service
    }

    package static func == (left: PolledService, right: PolledService) -> Bool {
        left.service == right.service
    }
}

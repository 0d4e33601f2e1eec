import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation

/// Compares what pollers show with the truth of a world that does not change while they run (moto, or the
/// simulator on a stopped clock): every value shown, fresh or stale, must equal the truth, and a value may only
/// be unknown where the screen says why. The chaos tests and the soak benchmark judge with it.
package enum FleetTruth {
    package static func wrongCells(_ shown: FleetSnapshot, truth: FleetSnapshot) -> [String] {
        var wrong: [String] = []
        for expected in truth.environments {
            guard let state = shown.state(expected.name), let snapshot = state.snapshot, let real = expected.snapshot else { continue }
            let env = expected.name
            if snapshot.services.map(\.name) != real.services.map(\.name) {
                wrong.append("\(env): services \(snapshot.services.map(\.name)) instead of \(real.services.map(\.name))")
                continue
            }
            for (service, realService) in zip(snapshot.services, real.services) {
                let cell = "\(env)/\(service.name)"
                if (service.running, service.desired, service.pending) != (realService.running, realService.desired, realService.pending) {
                    wrong.append("\(cell): \(service.running)/\(service.desired)+\(service.pending) instead of \(realService.running)/\(realService.desired)+\(realService.pending)")
                }
                if service.runningTasks.count != realService.runningTasks.count {
                    wrong.append("\(cell): \(service.runningTasks.count) running tasks instead of \(realService.runningTasks.count)")
                }
                if let image = service.image, image != realService.image {
                    wrong.append("\(cell): image \(image) instead of \(String(describing: realService.image))")
                } else if service.image == nil && snapshot.errors.isEmpty {
                    wrong.append("\(cell): no image, and nothing says why")
                }
                if let digest = shown.tagDigest(service.name, in: env), digest != truth.tagDigest(service.name, in: env) {
                    wrong.append("\(cell): digest \(digest) instead of \(truth.tagDigest(service.name, in: env) ?? "none")")
                }
            }
        }
        return wrong
    }
}

import AWSClient
import Foundation

/// Follows the deployments an action started until all complete, one fails or is rolled back, or time runs out.
/// Sleeps on the injected clock, so simulator tests step time instead of waiting.
struct DeploymentWatcher: Sendable {
    let ecs: ECSClient
    let cluster: String
    let clock: any AWSClock
    var interval: TimeInterval = 5

    /// How the watch ended.
    enum Verdict: Sendable, Equatable {
        case completed
        case failed(service: String, reason: String)
        case timedOut(String)
        /// The watch was cancelled (the dashboard quit); ECS carries on regardless.
        case interrupted
    }

    /// `deployments`: service name → the deployment id UpdateService returned.
    func watch(_ deployments: [String: String?], timeout: TimeInterval, progress: @Sendable (String) -> Void) async -> Verdict {
        let deadline = clock.now().addingTimeInterval(timeout)
        var last: [String: WatchState] = [:]
        while true {
            do {
                let services = try await ecs.describeServices(cluster: cluster, services: deployments.keys.sorted()).items
                var states: [String: WatchState] = [:]
                for service in services {
                    guard let name = service.serviceName, let id = deployments[name] else { continue }
                    states[name] = WatchState.of(service, deploymentId: id)
                }
                for (name, state) in states.sorted(by: { $0.key < $1.key }) where last[name] != state {
                    progress("\(name): \(Self.describe(state))")
                }
                last = states
                if let (name, state) = states.first(where: { if case .failed = $0.value { return true } else { return false } }),
                   case .failed(let reason) = state {
                    return .failed(service: name, reason: reason)
                }
                if states.count == deployments.count, states.values.allSatisfy({ $0 == .completed }) { return .completed }
            } catch {
                // A failed poll is not a failed deployment: say so and keep watching until the deadline.
                progress("poll failed: \(ErrorReport.describe(error))")
            }
            let left = deadline.timeIntervalSince(clock.now())
            guard left > 0 else {
                return .timedOut("still not finished after \(Int(timeout))s; ECS keeps going; watch with `ecsdash status`")
            }
            do { try await clock.sleep(seconds: min(interval, left)) } catch { return .interrupted }
        }
    }

    static func describe(_ state: WatchState) -> String {
        switch state {
        case .inProgress(let text): return "in progress (\(text))"
        case .completed: return "COMPLETED"
        case .failed(let reason): return "FAILED: \(reason)"
        }
    }
}

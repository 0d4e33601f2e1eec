import AWSClient
import DashboardEngine
import DashboardModel
import DashboardViews
import FleetSimulator
import Foundation
import TestSupport

/// API calls one promotion makes (plan + execute, no watching) on the simulated fleet, against the fewest
/// calls the job needs: read the two tags and the source manifest, check both services, write twice, redeploy.
struct PromotionBenchmark {
    /// The fewest calls for promote frontend uat → prod from a cold start, with 5 services per environment:
    /// registry DescribeImages (both tags) + BatchGetImage (manifest); the source service's DescribeServices,
    /// ListTasks and DescribeTasks (gates: rollout, counts, task health) and its DescribeTaskDefinition (its
    /// repository and tag); the target's ListServices, DescribeServices (5 ≤ 10) and 5 DescribeTaskDefinition
    /// (which services run the target tag) plus ListTasks + DescribeTasks (is it mid-deployment); PutImage ×2;
    /// UpdateService ×1; AssumeRole for the read roles of uat, prod and the registry and the deploy roles of
    /// the registry and prod (5); GetCallerIdentity for the audit line (1).
    static let minimum: [String: Int] = [
        "ECR.DescribeImages": 1, "ECR.BatchGetImage": 1, "ECS.DescribeServices": 2, "ECS.ListTasks": 2, "ECS.DescribeTasks": 2,
        "ECS.ListServices": 1, "ECS.DescribeTaskDefinition": 6,
        "ECR.PutImage": 2, "ECS.UpdateService": 1, "STS.AssumeRole": 5, "STS.GetCallerIdentity": 1,
    ]

    func run() async -> [BenchmarkFigure] {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_790_000_000))
        let simulator = SimulatedFleet(clock: clock, servicesPerEnvironment: 5, tasksPerService: 2)
        simulator.setCrashes(meanSeconds: nil)
        let setup = FleetSetup.demo(simulator: simulator, config: DemoFleet.config(servicesPerEnvironment: 5), clock: clock)
        let audit = Scratch.file("bench-audit.jsonl")
        defer { try? FileManager.default.removeItem(at: audit) }
        let dispatcher = ActionDispatcher(access: ActionAccess(setup: setup), audit: AuditLog(path: audit.path), readOnly: false)
        simulator.resetCallCounts()
        let request = ActionRequest(service: "frontend", kind: .promote(from: "uat", to: "prod"), yes: true, confirmEnvironment: "prod", wait: false)
        let outcome = await dispatcher.run(request, confirm: { _ in "prod" }, progress: { _ in })
        guard outcome.exitCode == ActionOutcome.success else {
            return [.skipped("promotion_api_calls", unit: "calls", reason: "the promotion failed: \(outcome.message)")]
        }
        let calls = simulator.callCounts()
        let total = calls.values.reduce(0, +)
        let minimum = Self.minimum.values.reduce(0, +)
        let breakdown = calls.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let extraCalls = calls.compactMap { key, count -> String? in
            let excess = count - (Self.minimum[key] ?? 0)
            return excess > 0 ? "\(key)+\(excess)" : nil
        }.sorted().joined(separator: " ")
        return [
            BenchmarkFigure(name: "promotion_api_calls", unit: "calls", value: Double(total),
                            extra: ["minimum": String(minimum), "by_operation": breakdown, "beyond_minimum": extraCalls.isEmpty ? "none" : extraCalls]),
        ]
    }
}

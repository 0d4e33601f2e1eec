import AWSClient
import DashboardEngine
import FleetSimulator
import Foundation

/// A simulated fleet on a manual clock, with helpers to reach its accounts through the real AWSClient path.
package struct SimulatorHarness {
    package let clock: ManualClock
    package let fleet: SimulatedFleet

    package init(services: Int = 5, tasks: Int = 2, seed: UInt64 = 1, crashes: Bool = false) {
        clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))
        fleet = SimulatedFleet(clock: clock, servicesPerEnvironment: services, tasksPerService: tasks, seed: seed)
        if !crashes { fleet.setCrashes(meanSeconds: nil) }
    }

    package func context(_ credentials: Credentials) -> AWSClientContext {
        AWSClientContext(region: "eu-west-1", credentials: StaticCredentialProvider(credentials), transport: fleet.transport, clock: clock,
                         retryPolicy: .none)
    }

    package var baseContext: AWSClientContext { context(SimulatedFleet.demoCredentials) }

    /// Assumes the read-only (or deploy) role of an environment (or `registry`) and returns a context with its keys.
    package func roleContext(_ environment: String, deploy: Bool = false) async throws -> AWSClientContext {
        let account = environment == "registry" ? SimulatedFleet.registryAccount : SimulatedFleet.environmentAccounts[environment]!
        let role = deploy ? SimulatedFleet.deployRoleName : SimulatedFleet.readOnlyRoleName
        let result = try await STSClient(context: baseContext).assumeRole(
            AssumeRoleRequest(roleArn: "arn:aws:iam::\(account):role/\(role)", sessionName: "ecsdash-test"))
        return context(result.credentials)
    }

    package func ecs(_ environment: String, deploy: Bool = false) async throws -> ECSClient {
        ECSClient(context: try await roleContext(environment, deploy: deploy))
    }

    package func ecr(deploy: Bool = false) async throws -> ECRClient {
        ECRClient(context: try await roleContext("registry", deploy: deploy))
    }

    package func service(_ client: ECSClient, _ environment: String, _ name: String) async throws -> ECSService {
        let result = try await client.describeServices(cluster: "app-\(environment)", services: [name])
        guard let service = result.items.first else { throw Missing(what: "service \(name) in \(environment)") }
        return service
    }

    package func tasks(_ client: ECSClient, _ environment: String, service: String? = nil, desired: ECSDesiredStatus = .running) async throws -> [ECSTask] {
        let arns = try await client.listTasks(cluster: "app-\(environment)", serviceName: service, desiredStatus: desired)
        guard !arns.isEmpty else { return [] }
        return try await client.describeTasks(cluster: "app-\(environment)", tasks: arns).items
    }

    /// Moves the clock in small steps so each look sees the world as a poller would.
    package func advance(_ seconds: Double, step: Double = 1) {
        var left = seconds
        while left > 0 {
            clock.advance(by: min(step, left))
            left -= step
        }
    }
}

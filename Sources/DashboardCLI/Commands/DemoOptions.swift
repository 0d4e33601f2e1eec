import AWSClient
import ArgumentParser
import DashboardEngine
import DashboardModel
import FleetSimulator
import Foundation

/// `--demo` on any command: an in-process simulated fleet instead of AWS, with no credentials or network.
package struct DemoOptions: ParsableArguments {
    package init() {}

    @Flag(help: "Use the embedded simulated fleet (registry + dev/sit/uat/prod) instead of AWS.")
    package var demo = false

    @Option(help: "Services per environment in the demo fleet.")
    package var demoServices: Int = 5

    @Option(help: "Tasks per service in the demo fleet.")
    package var demoTasks: Int = 2

    package var isOn: Bool { demo }

    package func validate() throws {
        guard (1...500).contains(demoServices) else { throw ValidationError("--demo-services must be between 1 and 500") }
        guard (1...100).contains(demoTasks) else { throw ValidationError("--demo-tasks must be between 1 and 100") }
    }

    /// The demo fleet wired like real AWS: base credentials assume each account's read role through STS.
    package func setup(clock: any AWSClock = SystemClock()) -> FleetSetup {
        let simulator = SimulatedFleet(clock: clock, servicesPerEnvironment: demoServices, tasksPerService: demoTasks)
        return FleetSetup.demo(simulator: simulator, config: DemoFleet.config(servicesPerEnvironment: demoServices), clock: clock)
    }
}

import AWSClient
import ArgumentParser
import DashboardEngine
import DashboardModel
import FleetSimulator
import Foundation

/// `--demo` on any command: the embedded simulated fleet instead of AWS, with no credentials or network; one
/// world, kept in `$XDG_STATE_HOME/ecsdash/demo-world.json`, that every `--demo` command shares.
package struct DemoOptions: ParsableArguments {
    package init() {}

    @Flag(help: "Use the embedded simulated fleet (registry + dev/sit/uat/prod) instead of AWS; its world is kept between commands.")
    package var demo = false

    @Flag(help: "With --demo: delete the saved demo world first and start a new one.")
    package var demoReset = false

    @Option(help: "Services per environment in a new demo world (default 5).")
    package var demoServices: Int?

    @Option(help: "Tasks per service in a new demo world (default 2).")
    package var demoTasks: Int?

    package var isOn: Bool { demo }

    package func validate() throws {
        if let demoServices, !(1...500).contains(demoServices) { throw ValidationError("--demo-services must be between 1 and 500") }
        if let demoTasks, !(1...100).contains(demoTasks) { throw ValidationError("--demo-tasks must be between 1 and 100") }
        if demoReset && !demo { throw ValidationError("--demo-reset goes with --demo") }
    }

    /// The shared demo world, loaded (or started and saved); its notices go to stderr. A saved world that cannot be
    /// used is a usage error naming the file.
    package func open(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DemoWorld {
        let store = DemoWorldStore(path: DemoWorldStore.path(environment: environment))
        do {
            let world = try DemoWorld.open(store: store, services: demoServices, tasks: demoTasks, reset: demoReset)
            Self.tell(world.notices)
            return world
        } catch {
            throw CommandFailure(message: error.message, exitCode: .usage)
        }
    }

    /// Opens the world, runs `body` on it and saves what it changed, whether `body` succeeds or fails (a failed
    /// rollout still happened).
    package func withWorld<Result>(_ body: (DemoWorld) async throws -> Result) async throws -> Result {
        let world = try open()
        do {
            let result = try await body(world)
            Self.tell(world.save())
            return result
        } catch {
            Self.tell(world.save())
            throw error
        }
    }

    /// Notes for the user, on stderr so they never mix with JSON on stdout.
    package static func tell(_ notices: [String]) {
        for notice in notices { FileHandle.standardError.write(Data("ecsdash: \(notice)\n".utf8)) }
    }

    /// A demo fleet that is not kept, for tests and benchmarks that drive their own clock.
    package func setup(clock: any AWSClock = SystemClock()) -> FleetSetup {
        let simulator = SimulatedFleet(clock: clock, servicesPerEnvironment: demoServices ?? DemoWorld.defaultServices,
                                       tasksPerService: demoTasks ?? DemoWorld.defaultTasks)
        return FleetSetup.demo(simulator: simulator, config: DemoFleet.config(), clock: clock)
    }
}

import ArgumentParser
import DashboardEngine
import DashboardModel

/// `ecsdash config`: the resolved config and where each value came from; it holds no secrets to hide.
package struct ConfigCommand: AsyncParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Validate the config file and print what ecsdash resolved from it."
    )

    @OptionGroup package var options: ConfigOptions
    @OptionGroup package var demo: DemoOptions

    package func run() async throws {
        guard demo.isOn else { return print(ConfigReport.render(try options.load())) }
        try await demo.withWorld { world in print(ConfigReport.render(DemoFleet.config(), demoWorld: world.store.path)) }
    }
}

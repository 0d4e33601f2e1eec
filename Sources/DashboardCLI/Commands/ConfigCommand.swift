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

    package func run() async throws {
        let config = try options.load()
        print(ConfigReport.render(config))
    }
}

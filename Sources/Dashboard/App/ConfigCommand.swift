import ArgumentParser

/// `ecsdash config`: the resolved config and where each value came from; it holds no secrets to hide.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Validate the config file and print what ecsdash resolved from it."
    )

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        let config = try options.load()
        print(ConfigReport.render(config))
    }
}

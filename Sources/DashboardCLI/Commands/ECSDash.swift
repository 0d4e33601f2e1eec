import AWSClient
import ArgumentParser
import DashboardEngine
import DashboardModel
import DashboardTerminal
import DashboardViews
import Foundation

/// The `ecsdash` command line: with no subcommand it opens the dashboard; subcommands serve scripts.
public struct ECSDash: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ecsdash",
        abstract: "A terminal dashboard for AWS ECS across one AWS account per environment.",
        discussion: "Run with no subcommand to open the dashboard (try --demo). Keys: ? for help, q to quit.",
        version: ECSDashVersion.current,
        subcommands: [StatusCommand.self, ConfigCommand.self, DoctorCommand.self, CallCommand.self, IdentityCommand.self, PromoteCommand.self,
                      RollbackCommand.self, RestartCommand.self, ScaleCommand.self, HistoryCommand.self, DiffCommand.self]
    )

    @OptionGroup var options: ConfigOptions
    @OptionGroup var demo: DemoOptions

    @Option(help: "Colour theme (default, light, high-contrast, mono, solarized-dark, or one of yours).")
    var theme: String?

    @OptionGroup var readOnlyOption: ReadOnlyOption
    var readOnly: Bool { readOnlyOption.readOnly }

    public init() {}

    public func run() async throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(message: "the dashboard needs a terminal; for scripts and pipes use `ecsdash status` (add --output json)", exitCode: .usage)
        }
        guard demo.isOn else { return try await dashboard(try options.liveSetup()) }
        let world = try demo.open()
        // Saved every few seconds as well as at the end, so a dashboard killed hard loses little; a save with
        // nothing new is a no-op. Its notices wait for the end: stderr would scribble over the screen. SIGTERM and
        // SIGHUP end the UI normally, so they reach the last save too.
        let saver = Task.detached { () -> [String] in
            var notices: [String] = []
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 5_000_000_000)
                notices += world.save()
            }
            return notices
        }
        let outcome: Result<Void, any Error>
        do {
            try await dashboard(world.setup())
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        saver.cancel()
        DemoOptions.tell(await saver.value + world.save())
        try outcome.get()
    }

    private func dashboard(_ setup: FleetSetup) async throws {
        let environment = ProcessInfo.processInfo.environment
        let themeName = theme ?? setup.config.theme
        let loadedTheme: Theme
        let keyMap: KeyMap
        do {
            loadedTheme = try ThemeLoader().load(name: themeName, environment: environment)
            keyMap = try KeyMap(overrides: setup.config.keys)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: .usage)
        }
        var state = AppState(
            environments: setup.config.environments.map(\.name),
            protectedEnvironments: Set(setup.config.environments.filter(\.isProtected).map(\.name)),
            configLabel: demo.isOn ? "demo fleet" : (setup.config.file ?? "config"),
            region: setup.config.region ?? setup.sources.environments.first?.context.region ?? "-",
            readOnly: readOnly || setup.config.readOnly, refresh: setup.config.refresh, themeName: loadedTheme.name,
            fleet: FleetSnapshot(environmentNames: setup.config.environments.map(\.name), problemRules: setup.config.problemRules), now: Date()
        )
        state.keyMap = keyMap
        state.readOnlyEnvironments = Set(setup.config.environments.filter(\.readOnly).map(\.name))
        let runtime = DashboardRuntime(setup: setup, inbox: EventInbox(), readOnly: state.readOnly)
        let loadTheme: @Sendable (String) throws -> Theme = { try ThemeLoader().load(name: $0, environment: environment) }
        try await DashboardUI(state: state, runtime: runtime, theme: loadedTheme, loadTheme: loadTheme).run()
    }
}

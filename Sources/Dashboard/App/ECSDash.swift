import ArgumentParser

/// The `ecsdash` command line: the dashboard and the commands scripts use.
public struct ECSDash: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ecsdash",
        abstract: "A terminal dashboard for AWS ECS across one AWS account per environment.",
        version: ECSDashVersion.current,
        subcommands: [StatusCommand.self, ConfigCommand.self, DoctorCommand.self, CallCommand.self, IdentityCommand.self]
    )

    public init() {}
}

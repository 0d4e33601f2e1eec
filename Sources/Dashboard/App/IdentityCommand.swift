import ArgumentParser

/// `ecsdash identity`: who the credential chain resolves to (STS GetCallerIdentity).
struct IdentityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity",
        abstract: "Resolve credentials and print the caller identity (sts:GetCallerIdentity)."
    )

    func run() async throws {}
}

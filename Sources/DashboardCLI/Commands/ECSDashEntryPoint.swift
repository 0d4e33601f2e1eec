import AWSClient
import ArgumentParser
import DashboardEngine
import DashboardModel
import Foundation

/// The one call the `ecsdash` executable makes; keeps `main.swift` free of logic and gives every command
/// the same error handling: one clear line on stderr and a meaningful exit code, never a stack trace.
public enum ECSDashEntryPoint {
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
        let outcome: Result<Void, any Error>
        do {
            var command = try ECSDash.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        // Connections close cleanly on every way out; requests still in flight end at once.
        await AsyncHTTPTransport.shutdown()
        guard case .failure(let error) = outcome else { return }
        if let failure = error as? CommandFailure {
            FileHandle.standardError.write(Data("ecsdash: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode.rawValue)
        }
        // ArgumentParser says 64 (EX_USAGE) for bad arguments; ecsdash promises 2 for usage and config errors.
        if ECSDash.exitCode(for: error) == .validationFailure {
            FileHandle.standardError.write(Data((ECSDash.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitCode.usage.rawValue)
        }
        ECSDash.exit(withError: error)
    }
}

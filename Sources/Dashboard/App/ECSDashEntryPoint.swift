import ArgumentParser
import Foundation

/// The one call the `ecsdash` executable makes; keeps `main.swift` free of logic and gives every command
/// the same error handling: one clear line on stderr and a meaningful exit code, never a stack trace.
public enum ECSDashEntryPoint {
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) async {
        do {
            var command = try ECSDash.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("ecsdash: \(failure.message)\n".utf8))
            Foundation.exit(failure.exitCode.rawValue)
        } catch {
            // ArgumentParser says 64 (EX_USAGE) for bad arguments; ecsdash promises 2 for usage and config errors.
            if ECSDash.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((ECSDash.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitCode.usage.rawValue)
            }
            ECSDash.exit(withError: error)
        }
    }
}

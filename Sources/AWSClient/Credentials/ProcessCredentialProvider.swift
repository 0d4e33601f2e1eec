import Foundation

/// Runs a `credential_process` helper through `/bin/sh -c` and reads the JSON it prints
/// (`{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`).
public struct ProcessCredentialProvider: CredentialProvider {
    static let name = "credential_process"
    /// How long a helper may run before it is stopped: one that hangs (a login prompt with no terminal, a stuck
    /// network call) must not stall every poll of its account. A minute, as the AWS SDK for Go allows.
    public static let defaultTimeout: TimeInterval = 60

    let command: String
    let timeout: TimeInterval
    let clock: any AWSClock

    public init(command: String, timeout: TimeInterval = defaultTimeout, clock: any AWSClock = SystemClock()) {
        self.command = command
        self.timeout = timeout
        self.clock = clock
    }

    public func credentials() async throws -> Credentials {
        let output: ProcessOutput
        let (command, timeout) = (self.command, self.timeout)
        do {
            output = try await TimeLimit.run(seconds: timeout, clock: clock, onTimeout: {
                CredentialError.failed(Self.name, "`\(command)` did not finish within \(Int(timeout)) s and was stopped")
            }) {
                try await ProcessOutput.run(shellCommand: command)
            }
        } catch let error as CredentialError {
            throw error
        } catch {
            throw CredentialError.failed(Self.name, "could not start `\(command)`: \(error.localizedDescription)")
        }
        return try Self.credentials(from: output, command: command)
    }

    static func credentials(from output: ProcessOutput, command: String) throws(CredentialError) -> Credentials {
        guard output.status == 0 else {
            var message = "`\(command)` exited with status \(output.status)"
            switch output.stderrSnippet {
            case nil: message += " (its stderr is not quoted: it holds something shaped like a key or token)"
            case let snippet? where !snippet.isEmpty: message += ": \(snippet)"
            default: break
            }
            throw CredentialError.failed(name, message)
        }
        let source = "`\(command)`"
        let document = try CredentialDocument.decode(output.stdout, provider: name, source: source)
        guard document.version == 1 else {
            let seen = document.version.map(String.init) ?? "none"
            throw CredentialError.failed(name, "\(source) printed JSON with Version \(seen); only Version 1 is supported")
        }
        return try document.credentials(provider: name, source: source)
    }
}

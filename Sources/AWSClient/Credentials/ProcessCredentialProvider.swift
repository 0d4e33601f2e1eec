import Foundation

/// Runs a `credential_process` helper through `/bin/sh -c` and reads the JSON it prints
/// (`{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`).
public struct ProcessCredentialProvider: CredentialProvider {
    static let name = "credential_process"

    let command: String

    public init(command: String) {
        self.command = command
    }

    public func credentials() async throws -> Credentials {
        let output: ProcessOutput
        do {
            output = try await ProcessOutput.run(shellCommand: command)
        } catch {
            throw CredentialError.failed(Self.name, "could not start `\(command)`: \(error.localizedDescription)")
        }
        return try Self.credentials(from: output, command: command)
    }

    static func credentials(from output: ProcessOutput, command: String) throws(CredentialError) -> Credentials {
        guard output.status == 0 else {
            var message = "`\(command)` exited with status \(output.status)"
            let snippet = output.stderrSnippet
            if !snippet.isEmpty { message += ": \(snippet)" }
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

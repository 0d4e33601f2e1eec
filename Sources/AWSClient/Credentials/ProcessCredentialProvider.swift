import Foundation

/// Runs a `credential_process` helper and reads the JSON it prints
/// (`{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`).
///
/// As botocore does, the command is split into words like a POSIX shell would quote them (`ShellWords`) and run
/// directly, with no shell: `$HOME` and `;` reach the helper as written. The program is found in the environment's
/// `PATH` unless it contains a `/`.
public struct ProcessCredentialProvider: CredentialProvider {
    static let name = "credential_process"
    /// How long a helper may run before it is stopped: one that hangs (a login prompt with no terminal, a stuck
    /// network call) must not stall every poll of its account. A minute, as the AWS SDK for Go allows.
    public static let defaultTimeout: TimeInterval = 60

    let command: String
    let timeout: TimeInterval
    let environment: [String: String]
    let clock: any AWSClock

    /// - Parameter environment: the helper's environment, and the `PATH` it is looked up in.
    public init(command: String, timeout: TimeInterval = defaultTimeout, environment: [String: String] = ProcessInfo.processInfo.environment,
                clock: any AWSClock = SystemClock()) {
        self.command = command
        self.timeout = timeout
        self.environment = environment
        self.clock = clock
    }

    public func credentials() async throws -> Credentials {
        let words = try Self.words(of: command)
        let executable = try Self.locate(words[0], path: environment["PATH"])
        let output: ProcessOutput
        let (command, timeout, environment) = (self.command, self.timeout, self.environment)
        do {
            output = try await TimeLimit.run(seconds: timeout, clock: clock, onTimeout: {
                CredentialError.failed(Self.name, "`\(command)` did not finish within \(Int(timeout)) s and was stopped")
            }) {
                try await ProcessOutput.run(executable: executable, arguments: Array(words.dropFirst()), environment: environment)
            }
        } catch let error as CredentialError {
            throw error
        } catch {
            throw CredentialError.failed(Self.name, .missingFile, "could not start `\(command)`: \(error.localizedDescription)")
        }
        return try Self.credentials(from: output, command: command, now: clock.now())
    }

    /// The command's words; an empty command or an unbalanced quote is refused before anything runs.
    static func words(of command: String) throws(CredentialError) -> [String] {
        let words: [String]
        do {
            words = try ShellWords.split(command)
        } catch {
            let problem = error == .unclosedQuote ? "a quote that is never closed" : "a backslash at the very end"
            throw CredentialError.failed(name, .badSetting, "`\(command)` has \(problem); the AWS CLI splits it like a shell would and refuses it too")
        }
        guard !words.isEmpty else {
            throw CredentialError.failed(name, .badSetting, "credential_process is empty; give it the command to run or remove the line")
        }
        return words
    }

    /// `program` itself when it holds a `/`, else the first executable of that name in `path`'s directories.
    static func locate(_ program: String, path: String?) throws(CredentialError) -> String {
        if program.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: program) else {
                throw CredentialError.failed(name, .missingFile, "\(program) does not exist or is not executable")
            }
            return program
        }
        let directories = (path ?? "/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false).map { $0.isEmpty ? "." : String($0) }
        for directory in directories {
            let candidate = directory + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw CredentialError.failed(name, .missingFile, "\(program) was not found in PATH (\(path ?? "unset"))")
    }

    static func credentials(from output: ProcessOutput, command: String, now: Date = Date()) throws(CredentialError) -> Credentials {
        guard output.status == 0 else {
            var message = "`\(command)` exited with status \(output.status)"
            switch output.stderrSnippet {
            case nil: message += " (its stderr is not quoted: it holds something shaped like a key or token)"
            case let snippet? where !snippet.isEmpty: message += ": \(snippet)"
            default: break
            }
            throw CredentialError.failed(name, .sourceFailed, message)
        }
        let source = "`\(command)`"
        var document: CredentialDocument
        do {
            document = try CredentialDocument.decode(output.stdout, provider: name, source: source)
        } catch {
            var failure = error
            failure.cause = .sourceFailed
            throw failure
        }
        guard document.version == 1 else {
            let seen = document.version.map(String.init) ?? "none"
            throw CredentialError.failed(name, .sourceFailed, "\(source) printed JSON with Version \(seen); only Version 1 is supported")
        }
        let credentials = try document.credentials(provider: name, source: source)
        // botocore runs the helper once more for credentials this close to expiry and then refuses them, still expired.
        if let expiration = credentials.expiration, expiration <= now {
            throw CredentialError.failed(name, .expired, "\(source) returned credentials that had already expired (Expiration \(ISO8601DateFormatter().string(from: expiration))); fix the helper or its cache")
        }
        return credentials
    }
}

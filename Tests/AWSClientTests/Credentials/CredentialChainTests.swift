@testable import AWSClient
import XCTest

final class CredentialChainTests: XCTestCase {
    private let envKeys = ["AWS_ACCESS_KEY_ID": "ENV_KEY", "AWS_SECRET_ACCESS_KEY": "env-secret"]

    /// An environment whose shared files live in a temp dir and whose metadata lookups are off.
    private func environment(config: String = "", credentials: String = "", extra: [String: String] = [:]) throws -> [String: String] {
        let dir = try CredentialTestDirectory(self)
        var environment = [
            "HOME": dir.path,
            "AWS_CONFIG_FILE": try dir.write("config", config),
            "AWS_SHARED_CREDENTIALS_FILE": try dir.write("credentials", credentials),
            "AWS_EC2_METADATA_DISABLED": "true",
        ]
        environment.merge(extra) { _, new in new }
        return environment
    }

    private func resolve(profile: String? = nil, _ environment: [String: String]) async throws -> Credentials {
        try await CredentialChain.default(profile: profile, environment: environment, transport: CredentialTestTransport.unused()).credentials()
    }

    func testEnvironmentBeatsTheDefaultProfile() async throws {
        let env = try environment(credentials: "[default]\naws_access_key_id = FILE_KEY\naws_secret_access_key = s\n", extra: envKeys)
        let credentials = try await resolve(env)
        XCTAssertEqual(credentials.accessKeyId, "ENV_KEY")
    }

    func testAWSProfileStillLetsEnvironmentKeysWin() async throws {
        let env = try environment(
            credentials: "[dev]\naws_access_key_id = DEV_KEY\naws_secret_access_key = s\n",
            extra: envKeys.merging(["AWS_PROFILE": "dev"]) { $1 }
        )
        let credentials = try await resolve(env)
        XCTAssertEqual(credentials.accessKeyId, "ENV_KEY")
    }

    func testExplicitProfileSkipsEnvironmentKeys() async throws {
        let env = try environment(credentials: "[dev]\naws_access_key_id = DEV_KEY\naws_secret_access_key = s\n", extra: envKeys)
        let credentials = try await resolve(profile: "dev", env)
        XCTAssertEqual(credentials.accessKeyId, "DEV_KEY")
    }

    func testAWSProfileSelectsTheProfileWhenNoEnvironmentKeys() async throws {
        let env = try environment(
            config: "[profile dev]\naws_access_key_id = DEV_KEY\naws_secret_access_key = s\naws_session_token = t\n",
            extra: ["AWS_PROFILE": "dev"]
        )
        let credentials = try await resolve(env)
        XCTAssertEqual(credentials, Credentials(accessKeyId: "DEV_KEY", secretAccessKey: "s", sessionToken: "t"))
    }

    func testCredentialsFileBeatsConfigFile() async throws {
        let env = try environment(
            config: "[default]\naws_access_key_id = CONFIG_KEY\naws_secret_access_key = c\n",
            credentials: "[default]\naws_access_key_id = CREDS_KEY\naws_secret_access_key = s\n"
        )
        let credentials = try await resolve(env)
        XCTAssertEqual(credentials.accessKeyId, "CREDS_KEY")
    }

    func testNothingFoundListsWhatEachProviderSaid() async throws {
        let env = try environment(config: "[default]\nregion = eu-west-1\n")
        let error = await assertCredentialError { try await self.resolve(env) }
        XCTAssertEqual(error?.kind, .notFound)
        let message = error?.message ?? ""
        for fragment in ["environment: AWS_ACCESS_KEY_ID", "profile default: profile default has no credentials",
                         "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "instance-metadata: disabled"] {
            XCTAssertTrue(message.contains(fragment), "\(message) lacks \(fragment)")
        }
    }

    func testMissingExplicitProfileFailsAndListsKnownProfiles() async throws {
        let env = try environment(config: "[profile dev]\nregion = x\n[profile prod]\nregion = y\n", extra: envKeys)
        let error = await assertCredentialError { try await self.resolve(profile: "pord", env) }
        XCTAssertEqual(error?.kind, .failed)
        XCTAssertEqual(error?.cause, .profileNotFound)
        XCTAssertTrue(error?.message.contains("names profile \"pord\", which is not in") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("known profiles: dev, prod") == true, error?.message ?? "")
    }

    func testChainSkipsNotFoundAndStopsOnFailed() async throws {
        let good = StaticCredentialProvider(Credentials(accessKeyId: "GOOD", secretAccessKey: "s"))
        let missing = FailingProvider(error: .notFound("first", "nothing here"))
        let broken = FailingProvider(error: .failed("second", "broken config"))

        let found = try await CredentialChain([missing, good, broken]).credentials()
        XCTAssertEqual(found.accessKeyId, "GOOD")

        let error = await assertCredentialError { try await CredentialChain([missing, broken, good]).credentials() }
        XCTAssertEqual(error, .failed("second", "broken config"))
    }

    func testEnvironmentProviderRules() async throws {
        let legacy = try await EnvironmentCredentialProvider(environment: envKeys.merging(["AWS_SECURITY_TOKEN": "old"]) { $1 }).credentials()
        XCTAssertEqual(legacy.sessionToken, "old")
        let both = try await EnvironmentCredentialProvider(environment: envKeys.merging(["AWS_SESSION_TOKEN": "new", "AWS_SECURITY_TOKEN": "old"]) { $1 }).credentials()
        XCTAssertEqual(both.sessionToken, "new")
        let partial = await assertCredentialError { try await EnvironmentCredentialProvider(environment: ["AWS_ACCESS_KEY_ID": "A"]).credentials() }
        XCTAssertEqual(partial?.kind, .failed)
        let none = await assertCredentialError { try await EnvironmentCredentialProvider(environment: [:]).credentials() }
        XCTAssertEqual(none?.kind, .notFound)
    }
}

/// A provider that always throws the given error.
private struct FailingProvider: CredentialProvider {
    let error: CredentialError

    func credentials() async throws -> Credentials { throw error }
}

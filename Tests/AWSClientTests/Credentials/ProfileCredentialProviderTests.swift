@testable import AWSClient
import TestSupport
import XCTest

final class ProfileCredentialProviderTests: XCTestCase {
    private func provider(
        _ profile: String,
        config: String = "",
        credentials: String = "",
        environment: [String: String] = [:],
        transport: CredentialTestTransport = .unused(),
        clock: any AWSClock = ManualClock()
    ) throws -> ProfileCredentialProvider {
        ProfileCredentialProvider(
            profile: profile,
            environment: environment,
            transport: transport,
            clock: clock,
            files: try ProfileFiles(config: config, credentials: credentials)
        )
    }

    func testSourceProfileChainAssumesEachRoleWithThePreviousKeys() async throws {
        let sts = CredentialTestTransport.sts()
        let config = """
        [profile base]
        region = eu-west-1
        [profile mid]
        role_arn = arn:aws:iam::111111111111:role/mid
        source_profile = base
        [profile top]
        role_arn = arn:aws:iam::222222222222:role/top
        source_profile = mid
        external_id = ext-123
        duration_seconds = 900
        role_session_name = alice
        region = eu-west-2
        """
        let keys = "[base]\naws_access_key_id = BASE_KEY\naws_secret_access_key = base-secret\n"
        let credentials = try await provider("top", config: config, credentials: keys, transport: sts).credentials()

        XCTAssertEqual(credentials.accessKeyId, "ASIA-top")
        XCTAssertEqual(credentials.sessionToken, "token-top")
        XCTAssertEqual(credentials.expiration, ISO8601Timestamp.parse("2030-01-01T00:00:00Z"))
        let calls = sts.requests
        XCTAssertEqual(calls.count, 2)
        let first = CredentialTestTransport.formFields(calls[0])
        let second = CredentialTestTransport.formFields(calls[1])
        XCTAssertEqual(first["RoleArn"], "arn:aws:iam::111111111111:role/mid")
        XCTAssertEqual(CredentialTestTransport.signingAccessKey(calls[0]), "BASE_KEY")
        XCTAssertEqual(second["RoleArn"], "arn:aws:iam::222222222222:role/top")
        XCTAssertEqual(CredentialTestTransport.signingAccessKey(calls[1]), "ASIA-mid")
        XCTAssertEqual(second["ExternalId"], "ext-123")
        XCTAssertEqual(second["DurationSeconds"], "900")
        XCTAssertEqual(second["RoleSessionName"], "alice")
        XCTAssertTrue(calls[1].endpoint.host.contains("eu-west-2"), calls[1].endpoint.host)
    }

    func testDefaultSessionNameUsesTheClock() async throws {
        let sts = CredentialTestTransport.sts()
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_700_000_123))
        let config = "[profile role]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n[profile base]\naws_access_key_id = B\naws_secret_access_key = s\n"
        _ = try await provider("role", config: config, transport: sts, clock: clock).credentials()
        XCTAssertEqual(CredentialTestTransport.formFields(sts.requests[0])["RoleSessionName"], "ecsdash-1700000123")
    }

    func testSourceProfileCycleIsReported() async throws {
        let config = """
        [profile a]
        role_arn = arn:aws:iam::1:role/a
        source_profile = b
        [profile b]
        role_arn = arn:aws:iam::1:role/b
        source_profile = c
        [profile c]
        role_arn = arn:aws:iam::1:role/c
        source_profile = a
        """
        let error = await assertCredentialError { try await self.provider("a", config: config).credentials() }
        XCTAssertEqual(error?.kind, .failed)
        XCTAssertTrue(error?.message.contains("source_profile cycle: a -> b -> c -> a") == true, error?.message ?? "")
    }

    func testSelfReferenceWithStaticKeysIsNotACycle() async throws {
        let sts = CredentialTestTransport.sts()
        let config = "[profile me]\naws_access_key_id = ME\naws_secret_access_key = s\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = me\n"
        let credentials = try await provider("me", config: config, transport: sts).credentials()
        XCTAssertEqual(credentials.accessKeyId, "ASIA-admin")
        XCTAssertEqual(CredentialTestTransport.signingAccessKey(sts.requests[0]), "ME")
    }

    func testCredentialSourceEnvironmentSignsWithEnvironmentKeys() async throws {
        let sts = CredentialTestTransport.sts()
        let config = "[profile ci]\nrole_arn = arn:aws:iam::1:role/deployer\ncredential_source = Environment\n"
        let environment = ["AWS_ACCESS_KEY_ID": "ENV_KEY", "AWS_SECRET_ACCESS_KEY": "s"]
        let credentials = try await provider("ci", config: config, environment: environment, transport: sts).credentials()
        XCTAssertEqual(credentials.accessKeyId, "ASIA-deployer")
        XCTAssertEqual(CredentialTestTransport.signingAccessKey(sts.requests[0]), "ENV_KEY")
    }

    func testCredentialSourceWithNothingThereFailsRatherThanMovingOn() async throws {
        let config = "[profile ci]\nrole_arn = arn:aws:iam::1:role/deployer\ncredential_source = Environment\n"
        let error = await assertCredentialError { try await self.provider("ci", config: config).credentials() }
        XCTAssertEqual(error?.kind, .failed)
        XCTAssertEqual(error?.provider, "profile ci")
    }

    func testRoleConfigurationMistakes() async throws {
        let cases: [(String, String)] = [
            ("role_arn = arn:aws:iam::1:role/r\n", "config, line 2: profile p sets role_arn but neither source_profile nor credential_source"),
            ("role_arn = arn:aws:iam::1:role/r\nsource_profile = x\ncredential_source = Environment\n", "both source_profile and credential_source"),
            ("role_arn = arn:aws:iam::1:role/r\ncredential_source = Laptop\n", "config, line 3: credential_source Laptop is not one of Environment, Ec2InstanceMetadata, EcsContainer"),
            ("role_arn = arn:aws:iam::1:role/r\nsource_profile = ghost\n", "config, line 3: source_profile ghost does not exist"),
            ("aws_access_key_id = A\n", "config, line 2: aws_access_key_id is set but aws_secret_access_key is not"),
        ]
        for (body, fragment) in cases {
            let error = await assertCredentialError { try await self.provider("p", config: "[profile p]\n" + body).credentials() }
            XCTAssertEqual(error?.kind, .failed, body)
            XCTAssertTrue(error?.message.contains(fragment) == true, "\(error?.message ?? "nil") lacks \(fragment)")
        }
    }

    func testMFASerialExplainsCredentialProcess() async throws {
        let config = "[profile prod]\nrole_arn = arn:aws:iam::1:role/admin\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/alice\n[profile base]\naws_access_key_id = B\naws_secret_access_key = s\n"
        let error = await assertCredentialError { try await self.provider("prod", config: config).credentials() }
        XCTAssertEqual(error?.kind, .failed)
        let message = error?.message ?? ""
        XCTAssertTrue(message.contains("mfa_serial"), message)
        XCTAssertTrue(message.contains("cannot prompt for an MFA code"), message)
        XCTAssertTrue(message.contains("credential_process"), message)
    }

    func testMissingDefaultProfileIsNotFoundButMissingNamedProfileFails() async throws {
        let quiet = await assertCredentialError { try await self.provider("default", config: "[profile dev]\nregion = x\n").credentials() }
        XCTAssertEqual(quiet?.kind, .notFound)
        let loud = await assertCredentialError { try await self.provider("typo", config: "[profile dev]\nregion = x\n").credentials() }
        XCTAssertEqual(loud?.kind, .failed)
        XCTAssertTrue(loud?.message.contains("known profiles: dev") == true, loud?.message ?? "")
    }

    func testProfileWithOnlySettingsIsNotFound() async throws {
        let error = await assertCredentialError { try await self.provider("dev", config: "[profile dev]\nregion = x\n").credentials() }
        XCTAssertEqual(error?.kind, .notFound)
    }
}

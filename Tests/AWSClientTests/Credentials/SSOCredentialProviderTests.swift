@testable import AWSClient
import Crypto
import TestSupport
import XCTest

final class SSOCredentialProviderTests: XCTestCase {
    private let clock = ManualClock(now: Date(timeIntervalSince1970: 1_700_000_000))
    private let modernConfig = """
    [profile dev]
    sso_session = corp
    sso_account_id = 111122223333
    sso_role_name = Developer
    region = eu-west-1
    [sso-session corp]
    sso_start_url = https://corp.awsapps.com/start
    sso_region = eu-central-1
    """
    private let legacyConfig = """
    [profile old]
    sso_start_url = https://legacy.awsapps.com/start
    sso_region = us-west-2
    sso_account_id = 444455556666
    sso_role_name = ReadOnly
    """

    private static func sha1(_ text: String) -> String {
        Insecure.SHA1.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private func portal() -> CredentialTestTransport {
        CredentialTestTransport { request in
            guard request.headers["x-amz-sso_bearer_token"] == "cached-token" else { return HTTPResponse(status: 401) }
            let body = #"{"roleCredentials":{"accessKeyId":"SSO_KEY","secretAccessKey":"sso-secret","sessionToken":"sso-token","expiration":1700003600000}}"#
            return HTTPResponse(status: 200, body: Data(body.utf8))
        }
    }

    private func writeToken(home: CredentialTestDirectory, key: String, expiresAt: String) throws {
        let json = #"{"startUrl":"x","region":"y","accessToken":"cached-token","expiresAt":"\#(expiresAt)"}"#
        try home.write(".aws/sso/cache/\(Self.sha1(key)).json", json)
    }

    private func provider(_ profile: String, config: String, home: CredentialTestDirectory, transport: CredentialTestTransport) throws -> ProfileCredentialProvider {
        ProfileCredentialProvider(
            profile: profile,
            environment: ["HOME": home.path],
            transport: transport,
            clock: clock,
            files: try ProfileFiles(config: config)
        )
    }

    func testValidSessionTokenCallsThePortal() async throws {
        let home = try CredentialTestDirectory(self)
        try writeToken(home: home, key: "corp", expiresAt: "2023-11-14T23:13:20Z")
        let transport = portal()
        let credentials = try await provider("dev", config: modernConfig, home: home, transport: transport).credentials()

        XCTAssertEqual(credentials, Credentials(accessKeyId: "SSO_KEY", secretAccessKey: "sso-secret", sessionToken: "sso-token",
                                                expiration: Date(timeIntervalSince1970: 1_700_003_600)))
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.endpoint.host, "portal.sso.eu-central-1.amazonaws.com")
        XCTAssertEqual(request.path, "/federation/credentials")
        XCTAssertEqual(request.query, [QueryItem("account_id", "111122223333"), QueryItem("role_name", "Developer")])
    }

    func testLegacyProfileKeysTheCacheByStartURL() async throws {
        let home = try CredentialTestDirectory(self)
        try writeToken(home: home, key: "https://legacy.awsapps.com/start", expiresAt: "2023-11-14T23:13:20UTC")
        let transport = portal()
        let credentials = try await provider("old", config: legacyConfig, home: home, transport: transport).credentials()
        XCTAssertEqual(credentials.accessKeyId, "SSO_KEY")
        XCTAssertEqual(transport.requests.first?.endpoint.host, "portal.sso.us-west-2.amazonaws.com")
    }

    func testMissingTokenAsksForSSOLogin() async throws {
        let home = try CredentialTestDirectory(self)
        let error = await assertCredentialError { try await self.provider("dev", config: self.modernConfig, home: home, transport: .unused()).credentials() }
        XCTAssertEqual(error?.kind, .failed)
        XCTAssertTrue(error?.message.contains("run `aws sso login --profile dev`") == true, error?.message ?? "")
    }

    func testExpiredTokenAsksForSSOLogin() async throws {
        let home = try CredentialTestDirectory(self)
        try writeToken(home: home, key: "corp", expiresAt: "2023-11-14T22:13:19Z")
        let error = await assertCredentialError { try await self.provider("dev", config: self.modernConfig, home: home, transport: .unused()).credentials() }
        XCTAssertTrue(error?.message.contains("expired") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("aws sso login --profile dev") == true, error?.message ?? "")
    }

    func testRejectedTokenAsksForSSOLogin() async throws {
        let home = try CredentialTestDirectory(self)
        try writeToken(home: home, key: "corp", expiresAt: "2030-01-01T00:00:00Z")
        let rejecting = CredentialTestTransport { _ in HTTPResponse(status: 401) }
        let error = await assertCredentialError { try await self.provider("dev", config: self.modernConfig, home: home, transport: rejecting).credentials() }
        XCTAssertTrue(error?.message.contains("aws sso login --profile dev") == true, error?.message ?? "")
    }

    func testMissingSSOSessionSectionAndFields() async throws {
        let home = try CredentialTestDirectory(self)
        let noSession = "[profile dev]\nsso_session = nowhere\nsso_account_id = 1\nsso_role_name = r\n"
        let first = await assertCredentialError { try await self.provider("dev", config: noSession, home: home, transport: .unused()).credentials() }
        XCTAssertTrue(first?.message.contains("no [sso-session nowhere] section") == true, first?.message ?? "")
        // As in botocore, an account or role name makes a profile an SSO one; a start URL alone does not.
        let incomplete = "[profile dev]\nsso_role_name = r\nsso_region = us-east-1\n"
        let second = await assertCredentialError { try await self.provider("dev", config: incomplete, home: home, transport: .unused()).credentials() }
        XCTAssertTrue(second?.message.contains("missing sso_account_id, sso_start_url") == true, second?.message ?? "")
    }
}

@testable import AWSClient
import Foundation
import TestSupport
import XCTest

/// AssumeRoleWithWebIdentity from a token file: unsigned, re-read on every call, from the environment or a profile.
final class WebIdentityCredentialProviderTests: XCTestCase {
    /// A fake STS that answers AssumeRoleWithWebIdentity with keys named after the token it was given.
    private static func sts(_ status: Int = 200) -> CredentialTestTransport {
        CredentialTestTransport { request in
            let form = CredentialTestTransport.formFields(request)
            guard status == 200 else {
                let body = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>token expired</Message></Error></ErrorResponse>"
                return HTTPResponse(status: status, body: Data(body.utf8))
            }
            let xml = """
            <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleWithWebIdentityResult>
                <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/ci/\(form["RoleSessionName"] ?? "")</Arn></AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>ASIA-\(form["WebIdentityToken"] ?? "")</AccessKeyId>
                  <SecretAccessKey>secret</SecretAccessKey>
                  <SessionToken>session</SessionToken>
                  <Expiration>2030-01-01T00:00:00Z</Expiration>
                </Credentials>
              </AssumeRoleWithWebIdentityResult>
              <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
            </AssumeRoleWithWebIdentityResponse>
            """
            return HTTPResponse(status: 200, body: Data(xml.utf8))
        }
    }

    func testTheTokenIsSentUnsignedAndReadAfreshEachTime() async throws {
        let dir = try CredentialTestDirectory(self)
        let tokenFile = try dir.write("token", "first-token\n")
        let transport = Self.sts()
        let provider = WebIdentityCredentialProvider(roleArn: "arn:aws:iam::123456789012:role/ci", tokenFile: tokenFile, sessionName: "runner-7",
                                                     region: "eu-west-1", transport: transport, environment: [:], clock: ManualClock())
        let first = try await provider.credentials()
        XCTAssertEqual(first.accessKeyId, "ASIA-first-token")
        XCTAssertEqual(first.sessionToken, "session")
        XCTAssertEqual(first.expiration, Date(timeIntervalSince1970: 1_893_456_000))
        try dir.write("token", "rotated-token")
        let second = try await provider.credentials()
        XCTAssertEqual(second.accessKeyId, "ASIA-rotated-token", "a rotated token is read again")

        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertNil(request.headers["Authorization"], "the token is the proof; nothing signs the call")
        XCTAssertEqual(request.endpoint.host, "sts.eu-west-1.amazonaws.com")
        let form = CredentialTestTransport.formFields(request)
        XCTAssertEqual(form["Action"], "AssumeRoleWithWebIdentity")
        XCTAssertEqual(form["RoleArn"], "arn:aws:iam::123456789012:role/ci")
        XCTAssertEqual(form["RoleSessionName"], "runner-7")
        XCTAssertEqual(form["WebIdentityToken"], "first-token")
    }

    func testAMissingOrEmptyTokenFileOrARefusalIsAFailureNamingIt() async throws {
        let dir = try CredentialTestDirectory(self)
        let missing = WebIdentityCredentialProvider(roleArn: "arn:aws:iam::1:role/ci", tokenFile: dir.path + "/nope", region: "eu-west-1",
                                                    transport: CredentialTestTransport.unused(), environment: [:])
        let noFile = await assertCredentialError { try await missing.credentials() }
        XCTAssertEqual(noFile?.kind, .failed)
        XCTAssertTrue(noFile?.message.contains(dir.path + "/nope") == true, noFile?.message ?? "")

        let empty = WebIdentityCredentialProvider(roleArn: "arn:aws:iam::1:role/ci", tokenFile: try dir.write("empty", "\n"), region: "eu-west-1",
                                                  transport: CredentialTestTransport.unused(), environment: [:])
        let emptyError = await assertCredentialError { try await empty.credentials() }
        XCTAssertTrue(emptyError?.message.contains("is empty") == true, emptyError?.message ?? "")

        let devNull = WebIdentityCredentialProvider(roleArn: "arn:aws:iam::1:role/ci", tokenFile: "/dev/null", region: "eu-west-1",
                                                    transport: CredentialTestTransport.unused(), environment: [:])
        let devNullError = await assertCredentialError { try await devNull.credentials() }
        XCTAssertEqual(devNullError?.message, "the web identity token file /dev/null is empty", "read, not refused as unreadable")

        let refused = WebIdentityCredentialProvider(roleArn: "arn:aws:iam::1:role/ci", tokenFile: try dir.write("token", "t"), region: "eu-west-1",
                                                    transport: Self.sts(400), environment: [:])
        let refusal = await assertCredentialError { try await refused.credentials() }
        XCTAssertEqual(refusal?.underlyingAWSError?.code, "InvalidIdentityToken")
        XCTAssertTrue(refusal?.message.contains("could not assume arn:aws:iam::1:role/ci") == true, refusal?.message ?? "")
    }

    /// The chain takes it from the environment after the environment's keys, as the AWS CLI does; an
    /// explicit profile skips it, as it skips those keys.
    func testTheChainUsesTheEnvironmentsTokenFile() async throws {
        let dir = try CredentialTestDirectory(self)
        let environment = [
            "HOME": dir.path, "AWS_CONFIG_FILE": try dir.write("config", "[profile dev]\naws_access_key_id = DEV_KEY\naws_secret_access_key = s\n"),
            "AWS_SHARED_CREDENTIALS_FILE": try dir.write("credentials", ""), "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_WEB_IDENTITY_TOKEN_FILE": try dir.write("token", "env-token"), "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/ci",
            "AWS_REGION": "eu-central-1",
        ]
        let transport = Self.sts()
        let chained = try await CredentialChain.default(environment: environment, transport: transport).credentials()
        XCTAssertEqual(chained.accessKeyId, "ASIA-env-token")
        XCTAssertEqual(transport.requests.first?.endpoint.host, "sts.eu-central-1.amazonaws.com")
        let explicit = try await CredentialChain.default(profile: "dev", environment: environment, transport: CredentialTestTransport.unused()).credentials()
        XCTAssertEqual(explicit.accessKeyId, "DEV_KEY")
    }

    func testAProfileWithWebIdentityTokenFileAndRoleArn() async throws {
        let dir = try CredentialTestDirectory(self)
        let token = try dir.write("token", "profile-token")
        let config = "[profile eks]\nrole_arn = arn:aws:iam::123456789012:role/ci\nweb_identity_token_file = \(token)\nrole_session_name = pod-1\nregion = us-west-2\n"
        let environment = ["HOME": dir.path, "AWS_CONFIG_FILE": try dir.write("config", config), "AWS_SHARED_CREDENTIALS_FILE": try dir.write("credentials", "")]
        let transport = Self.sts()
        let credentials = try await ProfileCredentialProvider(profile: "eks", environment: environment, transport: transport, clock: ManualClock()).credentials()
        XCTAssertEqual(credentials.accessKeyId, "ASIA-profile-token")
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(CredentialTestTransport.formFields(request)["RoleSessionName"], "pod-1")
        XCTAssertEqual(request.endpoint.host, "sts.us-west-2.amazonaws.com")
    }
}

@testable import AWSClient
import Crypto
import Foundation
import TestSupport
import XCTest

/// Every credential path fed broken replies (cut at many points, reshaped, HTML, empty, huge): whatever error
/// comes out names what failed, and none of its texts holds the keys, secret or tokens the reply carried.
final class BrokenCredentialReplyTests: XCTestCase {
    private let secrets = SampleSecrets(seed: 11)
    /// The caller's own keys, which sign the AssumeRole call.
    private let caller = SampleSecrets(seed: 12)
    private let roleArn = "arn:aws:iam::111111111111:role/Reader"

    // MARK: STS

    private func stsReply(_ action: String, _ secrets: SampleSecrets) -> String {
        """
        <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <\(action)Result>
            <AssumedRoleUser>
              <Arn>arn:aws:sts::111111111111:assumed-role/Reader/ecsdash-test</Arn>
              <AssumedRoleId>AROA3XFRBF535PLBIFPI4:ecsdash-test</AssumedRoleId>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>\(secrets.accessKeyId)</AccessKeyId>
              <SecretAccessKey>\(secrets.secretAccessKey)</SecretAccessKey>
              <SessionToken>\(secrets.sessionToken)</SessionToken>
              <Expiration>2030-01-01T00:00:00Z</Expiration>
            </Credentials>
          </\(action)Result>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </\(action)Response>
        """
    }

    /// The credentials outside the result element, where a parser that goes by shape would not look.
    private func stsReshaped(_ action: String, _ secrets: SampleSecrets) -> String {
        "<\(action)Response><Credentials><AccessKeyId>\(secrets.accessKeyId)</AccessKeyId><SecretAccessKey>\(secrets.secretAccessKey)</SecretAccessKey>"
            + "<SessionToken>\(secrets.sessionToken)</SessionToken></Credentials><\(action)Result/></\(action)Response>"
    }

    func testAssumeRole() async {
        let action = "AssumeRole"
        for status in [200, 400, 403, 500] {
            let variants = BrokenReplies.variants(of: stsReply(action, secrets), secrets: secrets, reshaped: stsReshaped(action, secrets))
            await assertNoLeak("AssumeRole, HTTP \(status)", variants, names: ["assume-role", "could not assume \(roleArn)", "STS AssumeRole failed"]) { body in
                let transport = CredentialTestTransport { _ in HTTPResponse(status: status, body: body) }
                return try await AssumeRoleCredentialProvider(
                    roleArn: self.roleArn, source: StaticCredentialProvider(Credentials(accessKeyId: self.caller.accessKeyId, secretAccessKey: self.caller.secretAccessKey,
                                                                                        sessionToken: self.caller.sessionToken)),
                    region: "eu-west-1", sessionName: "ecsdash-test", transport: transport, environment: [:], clock: ManualClock(advancesOnSleep: true)
                ).credentials()
            }
        }
    }

    /// The reported failure: a 200 reply cut in half names the operation and the error code, and says how long the
    /// reply was instead of quoting it.
    func testAHalfAssumeRoleReplySaysItsSizeNotItsText() async throws {
        let body = Data(stsReply("AssumeRole", secrets).utf8)
        let half = body.prefix(body.count / 2)
        let transport = CredentialTestTransport { _ in HTTPResponse(status: 200, body: half) }
        let provider = AssumeRoleCredentialProvider(roleArn: roleArn, source: StaticCredentialProvider.test, region: "eu-west-1", transport: transport,
                                                    environment: [:], clock: ManualClock())
        let error = await assertCredentialError { try await provider.credentials() }
        let underlying = try XCTUnwrap(error?.underlyingAWSError)
        XCTAssertEqual(underlying.code, "DeserializationError")
        XCTAssertEqual(underlying.message, "reply is not XML (\(half.count) bytes)")
        XCTAssertEqual(error?.description, "assume-role: could not assume \(roleArn): STS AssumeRole failed: DeserializationError (HTTP 200): reply is not XML (\(half.count) bytes)")
    }

    func testAssumeRoleWithWebIdentity() async throws {
        let dir = try CredentialTestDirectory(self)
        let tokenFile = try dir.write("token", secrets.bearerToken + "\n")
        let action = "AssumeRoleWithWebIdentity"
        for status in [200, 400, 500] {
            let variants = BrokenReplies.variants(of: stsReply(action, secrets), secrets: secrets, reshaped: stsReshaped(action, secrets))
            await assertNoLeak("AssumeRoleWithWebIdentity, HTTP \(status)", variants, names: ["web-identity", "could not assume \(roleArn)", "STS AssumeRoleWithWebIdentity failed"]) { body in
                let transport = CredentialTestTransport { _ in HTTPResponse(status: status, body: body) }
                return try await WebIdentityCredentialProvider(roleArn: self.roleArn, tokenFile: tokenFile, sessionName: "ci", region: "eu-west-1",
                                                               transport: transport, environment: [:], clock: ManualClock(advancesOnSleep: true)).credentials()
            }
        }
    }

    // MARK: SSO portal

    func testSSOGetRoleCredentials() async throws {
        let home = try CredentialTestDirectory(self)
        let cacheKey = Insecure.SHA1.hash(data: Data("corp".utf8)).map { String(format: "%02x", $0) }.joined()
        try home.write(".aws/sso/cache/\(cacheKey).json", #"{"accessToken":"\#(secrets.bearerToken)","expiresAt":"2030-01-01T00:00:00Z"}"#)
        let files = try ProfileFiles(config: """
        [profile dev]
        sso_session = corp
        sso_account_id = 111122223333
        sso_role_name = Developer
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-central-1
        """)
        let good = #"{"roleCredentials":{"accessKeyId":"\#(secrets.accessKeyId)","secretAccessKey":"\#(secrets.secretAccessKey)","sessionToken":"\#(secrets.sessionToken)","expiration":1893456000000}}"#
        let reshaped = #"{"roleCredentials":{"accessKeyId":7,"secretAccessKey":"\#(secrets.secretAccessKey)","sessionToken":"\#(secrets.sessionToken)","expiration":"\#(secrets.accessKeyId)"}}"#
        for status in [200, 400, 500] {
            await assertNoLeak("SSO, HTTP \(status)", BrokenReplies.variants(of: good, secrets: secrets, reshaped: reshaped), names: ["profile dev", "sso"]) { body in
                let transport = CredentialTestTransport { _ in HTTPResponse(status: status, body: body) }
                return try await ProfileCredentialProvider(profile: "dev", environment: ["HOME": home.path], transport: transport,
                                                           clock: ManualClock(now: Date(timeIntervalSince1970: 1_700_000_000)), files: files).credentials()
            }
        }
    }

    // MARK: Container and instance metadata

    /// A metadata-style credential document, pretty-printed as IMDS sends it.
    private var document: String {
        """
        {
          "Code" : "Success",
          "LastUpdated" : "2026-01-01T00:00:00Z",
          "Type" : "AWS-HMAC",
          "AccessKeyId" : "\(secrets.accessKeyId)",
          "SecretAccessKey" : "\(secrets.secretAccessKey)",
          "Token" : "\(secrets.sessionToken)",
          "Expiration" : "2030-01-01T00:00:00Z"
        }
        """
    }

    /// The keys in place, but the Expiration holding a token: a timestamp that does not parse must not be quoted.
    private var documentWithATokenForExpiration: String {
        #"{"Code":"Success","AccessKeyId":"\#(secrets.accessKeyId)","SecretAccessKey":"\#(secrets.secretAccessKey)","Token":"\#(secrets.sessionToken)","Expiration":"\#(secrets.sessionToken)"}"#
    }

    func testContainerCredentials() async {
        let environment = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9911/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": secrets.bearerToken]
        for status in [200, 400, 500] {
            let variants = BrokenReplies.variants(of: document, secrets: secrets, reshaped: documentWithATokenForExpiration)
            await assertNoLeak("container, HTTP \(status)", variants, names: ["container", "127.0.0.1:9911/creds"]) { body in
                let transport = CredentialTestTransport { _ in HTTPResponse(status: status, body: body) }
                return try await ContainerCredentialProvider(environment: environment, transport: transport, clock: ManualClock()).credentials()
            }
        }
    }

    /// IMDS answers three times (session token, role list, the role's document); each is broken in turn.
    func testInstanceMetadataCredentials() async {
        let metadataToken = secrets.bearerToken
        func imds(token: Data? = nil, roles: Data? = nil, credentials: Data? = nil, status: Int = 200) -> CredentialTestTransport {
            CredentialTestTransport { request in
                switch (request.method, request.path) {
                case ("PUT", "/latest/api/token"): return HTTPResponse(status: 200, body: token ?? Data(metadataToken.utf8))
                case ("GET", "/latest/meta-data/iam/security-credentials/"): return HTTPResponse(status: 200, body: roles ?? Data("web-role\n".utf8))
                case ("GET", "/latest/meta-data/iam/security-credentials/web-role"): return HTTPResponse(status: status, body: credentials ?? Data())
                default: return HTTPResponse(status: 404)
                }
            }
        }
        let failing = #"{"Code":"\#(secrets.accessKeyId)","Message":"\#(secrets.sessionToken) \#(secrets.secretAccessKey)"}"#
        for status in [200, 500] {
            let variants = BrokenReplies.variants(of: document, secrets: secrets, reshaped: documentWithATokenForExpiration)
                + [BrokenReplies.Variant(name: "a failure code holding keys", body: Data(failing.utf8))]
            await assertNoLeak("instance metadata document, HTTP \(status)", variants, names: ["instance-metadata"]) { body in
                try await InstanceMetadataCredentialProvider(environment: [:], transport: imds(credentials: body, status: status), clock: ManualClock()).credentials()
            }
        }
        // The role list answered with the document, or its pieces: the "role name" is neither requested nor quoted.
        await assertNoLeak("instance metadata role list", BrokenReplies.variants(of: document, secrets: secrets, reshaped: documentWithATokenForExpiration),
                           names: ["instance-metadata"], mustFail: false) { body in
            try await InstanceMetadataCredentialProvider(environment: [:], transport: imds(roles: body, credentials: Data(self.document.utf8)),
                                                         clock: ManualClock()).credentials()
        }
        await assertNoLeak("instance metadata session token", BrokenReplies.variants(of: document, secrets: secrets, reshaped: documentWithATokenForExpiration),
                           names: ["instance-metadata"], mustFail: false) { body in
            try await InstanceMetadataCredentialProvider(environment: [:], transport: imds(token: body, credentials: Data("{".utf8)), clock: ManualClock()).credentials()
        }
    }

    // MARK: credential_process

    func testCredentialProcessOutput() async {
        let good = #"{"Version": 1, "AccessKeyId": "\#(secrets.accessKeyId)", "SecretAccessKey": "\#(secrets.secretAccessKey)", "SessionToken": "\#(secrets.sessionToken)", "Expiration": "2030-05-06T07:08:09Z"}"#
        let variants = BrokenReplies.variants(of: good, secrets: secrets, reshaped: documentWithATokenForExpiration.replacingOccurrences(of: "{", with: #"{"Version":1,"#))
        let command = "/usr/local/bin/helper --profile ops"
        await assertNoLeak("credential_process stdout", variants, names: ["credential_process", command]) { body in
            try ProcessCredentialProvider.credentials(from: ProcessOutput(status: 0, stdout: body, stderr: Data()), command: command)
        }
        // A helper that fails and prints its document, or half of it, to stderr: nothing of it is echoed.
        await assertNoLeak("credential_process stderr", variants + [BrokenReplies.Variant(name: "the document", body: Data(good.utf8))],
                           names: ["credential_process", "exited with status 1"]) { body in
            try ProcessCredentialProvider.credentials(from: ProcessOutput(status: 1, stdout: Data(good.utf8), stderr: body), command: command)
        }
    }

    /// The same through a real helper: half a document on stdout, the whole one on stderr.
    func testARealHelperPrintingItsKeysIsNotEchoed() async throws {
        let dir = try CredentialTestDirectory(self)
        let good = #"{"Version": 1, "AccessKeyId": "\#(secrets.accessKeyId)", "SecretAccessKey": "\#(secrets.secretAccessKey)", "SessionToken": "\#(secrets.sessionToken)"}"#
        let documentFile = try dir.write("document.json", good)
        let half = try dir.write("half.json", String(good.prefix(good.count / 2)))
        for (script, status) in [("cat '\(half)'", "0"), ("cat '\(documentFile)' >&2; exit 2", "2"), ("cat '\(half)'; cat '\(half)' >&2; exit 1", "1")] {
            let helper = try dir.write("helper-\(status).sh", "#!/bin/sh\n\(script)\n", executable: true)
            let error = await assertCredentialError { try await ProcessCredentialProvider(command: helper).credentials() }
            let unwrapped = try XCTUnwrap(error)
            XCTAssertTrue(unwrapped.description.contains(helper), unwrapped.description)
            for text in SampleSecrets.texts(of: unwrapped) { secrets.assertNoLeak(in: text, script) }
        }
    }

    // MARK: Helpers

    /// Feeds each variant to `attempt`; every error it throws must be free of both sample secrets and name what
    /// failed. `mustFail`: most variants must fail (a cut that only lost trailing whitespace may still parse).
    private func assertNoLeak(_ scenario: String, _ variants: [BrokenReplies.Variant], names: [String], mustFail: Bool = true,
                              file: StaticString = #filePath, line: UInt = #line, _ attempt: (Data) async throws -> Credentials) async {
        var failures = 0
        for variant in variants {
            do {
                let credentials = try await attempt(variant.body)
                for text in ["\(credentials)", String(reflecting: credentials)] { secrets.assertNoLeak(in: text, "\(scenario), \(variant.name): credentials printed") }
            } catch {
                failures += 1
                for text in SampleSecrets.texts(of: error) {
                    secrets.assertNoLeak(in: text, "\(scenario), \(variant.name)", file: file, line: line)
                    caller.assertNoLeak(in: text, "\(scenario), \(variant.name): the caller's keys", file: file, line: line)
                }
                for name in names where !"\(error)".contains(name) {
                    XCTFail("\(scenario), \(variant.name): the error does not name \(name): \(error)", file: file, line: line)
                }
            }
        }
        if mustFail { XCTAssertGreaterThan(failures, variants.count * 3 / 4, "\(scenario): broken replies were accepted", file: file, line: line) }
    }
}

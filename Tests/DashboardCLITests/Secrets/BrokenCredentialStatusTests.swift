import AWSClient
import ArgumentParser
import Crypto
@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
@testable import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// One poll of an environment whose credentials arrive broken, on every credential path, rendered as `ecsdash
/// status` prints it (table and JSON), as the dashboard, doctor and a failed action word it, and as the audit log
/// records it: none of those texts holds the keys, secret or tokens of the broken reply.
final class BrokenCredentialStatusTests: XCTestCase {
    private let secrets = LeakSamples(seed: 101)
    /// The base keys that sign AssumeRole.
    private let caller = LeakSamples(seed: 102)
    private let roleArn = "arn:aws:iam::111111111111:role/DashboardReadOnly"

    private var stsReply: String {
        """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <AssumedRoleUser><Arn>arn:aws:sts::111111111111:assumed-role/DashboardReadOnly/ecsdash</Arn></AssumedRoleUser>
            <Credentials>
              <AccessKeyId>\(secrets.accessKeyId)</AccessKeyId>
              <SecretAccessKey>\(secrets.secretAccessKey)</SecretAccessKey>
              <SessionToken>\(secrets.sessionToken)</SessionToken>
              <Expiration>2030-01-01T00:00:00Z</Expiration>
            </Credentials>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """
    }

    private var document: String {
        #"{"Code":"Success","AccessKeyId":"\#(secrets.accessKeyId)","SecretAccessKey":"\#(secrets.secretAccessKey)","Token":"\#(secrets.sessionToken)","Expiration":"2030-01-01T00:00:00Z"}"#
    }

    /// Keys in place but a token where the Expiration should be.
    private var documentWithATokenForExpiration: String {
        #"{"Version":1,"Code":"Success","AccessKeyId":"\#(secrets.accessKeyId)","SecretAccessKey":"\#(secrets.secretAccessKey)","Token":"\#(secrets.sessionToken)","Expiration":"\#(secrets.sessionToken)"}"#
    }

    func testAssumeRole() async throws {
        for variant in secrets.brokenVariants(of: stsReply, reshaped: "<AssumeRoleResponse>\(stsReply)</AssumeRoleResponse>") {
            try await assertNoLeak("AssumeRole, \(variant.name)", role: roleArn, environment: callerKeys, names: ["STS AssumeRole", "DeserializationError"]) { request in
                CredentialTestServer.form(request)["Action"] == "AssumeRole" ? HTTPResponse(status: 200, body: variant.body) : nil
            }
        }
    }

    func testAssumeRoleWithWebIdentity() async throws {
        let directory = try scratch()
        let tokenFile = directory + "/token"
        try secrets.bearerToken.write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let reply = stsReply.replacingOccurrences(of: "AssumeRole", with: "AssumeRoleWithWebIdentity")
        for variant in secrets.brokenVariants(of: reply, reshaped: "<AssumeRoleWithWebIdentityResponse/>" + reply) {
            try await assertNoLeak("AssumeRoleWithWebIdentity, \(variant.name)",
                                   environment: ["AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile, "AWS_ROLE_ARN": roleArn, "AWS_REGION": "eu-west-1"],
                                   names: ["STS AssumeRoleWithWebIdentity", "DeserializationError"]) { request in
                CredentialTestServer.form(request)["Action"] == "AssumeRoleWithWebIdentity" ? HTTPResponse(status: 200, body: variant.body) : nil
            }
        }
    }

    func testSSOGetRoleCredentials() async throws {
        let home = try scratch()
        try FileManager.default.createDirectory(atPath: home + "/.aws/sso/cache", withIntermediateDirectories: true)
        try """
        [profile dev]
        sso_session = corp
        sso_account_id = 111111111111
        sso_role_name = Developer
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-central-1
        """.write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        let cache = home + "/.aws/sso/cache/" + Self.sha1Hex("corp") + ".json"
        try #"{"accessToken":"\#(secrets.bearerToken)","expiresAt":"2099-01-01T00:00:00Z"}"#.write(toFile: cache, atomically: true, encoding: .utf8)
        let good = #"{"roleCredentials":{"accessKeyId":"\#(secrets.accessKeyId)","secretAccessKey":"\#(secrets.secretAccessKey)","sessionToken":"\#(secrets.sessionToken)","expiration":4070908800000}}"#
        let reshaped = #"{"roleCredentials":{"accessKeyId":7,"secretAccessKey":"\#(secrets.secretAccessKey)","sessionToken":"\#(secrets.sessionToken)"}}"#
        for variant in secrets.brokenVariants(of: good, reshaped: reshaped) {
            try await assertNoLeak("SSO, \(variant.name)", environment: ["HOME": home, "AWS_PROFILE": "dev"], names: ["CredentialsError", "profile dev: sso:"]) { request in
                request.endpoint.host.hasPrefix("portal.sso.") ? HTTPResponse(status: 200, body: variant.body) : nil
            }
        }
    }

    func testContainerCredentials() async throws {
        let environment = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9911/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": secrets.bearerToken,
                           "AWS_EC2_METADATA_DISABLED": "true"]
        for variant in secrets.brokenVariants(of: document, reshaped: documentWithATokenForExpiration) {
            try await assertNoLeak("container, \(variant.name)", environment: environment, names: ["CredentialsError", "container: "]) { request in
                request.endpoint.port == 9911 ? HTTPResponse(status: 200, body: variant.body) : nil
            }
        }
    }

    func testInstanceMetadataCredentials() async throws {
        let token = secrets.bearerToken
        for variant in secrets.brokenVariants(of: document, reshaped: documentWithATokenForExpiration) {
            try await assertNoLeak("instance metadata, \(variant.name)", environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9912"],
                                   names: ["CredentialsError", "instance-metadata: "]) { request in
                guard request.endpoint.port == 9912 else { return nil }
                switch (request.method, request.path) {
                case ("PUT", _): return HTTPResponse(status: 200, body: Data(token.utf8))
                case (_, "/latest/meta-data/iam/security-credentials/"): return HTTPResponse(status: 200, body: Data("web-role".utf8))
                default: return HTTPResponse(status: 200, body: variant.body)
                }
            }
        }
    }

    func testCredentialProcess() async throws {
        let home = try scratch()
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        let output = home + "/output"
        // Prints the variant on stdout and exits 0, or on stderr and exits 1: both halves of a helper's answer.
        try "[profile tool]\ncredential_process = /bin/sh -c 'cat \(output) >&$0; exit $1' 1 0\n[profile failing]\ncredential_process = /bin/sh -c 'cat \(output) >&2; exit 1'\n"
            .write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        let good = documentWithATokenForExpiration.replacingOccurrences(of: secrets.sessionToken + "\"}", with: "2030-01-01T00:00:00Z\"}")
        for variant in secrets.brokenVariants(of: good, reshaped: documentWithATokenForExpiration) {
            try variant.body.write(to: URL(fileURLWithPath: output))
            for profile in ["tool", "failing"] {
                try await assertNoLeak("credential_process \(profile), \(variant.name)", environment: ["HOME": home, "AWS_PROFILE": profile],
                                       names: ["CredentialsError", "credential_process: "]) { _ in nil }
            }
        }
    }

    // MARK: Helpers

    private var callerKeys: [String: String] {
        ["AWS_ACCESS_KEY_ID": caller.accessKeyId, "AWS_SECRET_ACCESS_KEY": caller.secretAccessKey, "AWS_SESSION_TOKEN": caller.sessionToken]
    }

    /// Polls one environment (reached through `role`, else the base chain from `environment`) with `answer` standing
    /// in for the credential source, and checks every text the failure becomes.
    /// `names`: what the status table and JSON must still say about the failure, so that people can act on it.
    private func assertNoLeak(_ scenario: String, role: String? = nil, environment: [String: String], names: [String],
                              file: StaticString = #filePath, line: UInt = #line,
                              answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse?) async throws {
        let transport = CredentialTestServer(answer)
        // A home of its own, so that no profile of this machine's takes part.
        let environment = ["HOME": try scratch()].merging(environment) { $1 }
        // An account of its own for each poll: the process-wide rate limiter would otherwise make later polls wait.
        let account = String(format: "%012llu", UInt64.random(in: 100_000_000_000...999_999_999_999))
        let config = try ConfigParser(file: "ecsdash.yaml").parse("""
        region: eu-west-1
        environments:
          - name: dev
            account: "\(account)"
            cluster: app-dev
        \(role.map { "    role_arn: \($0.replacingOccurrences(of: "111111111111", with: account))" } ?? "")
        """)
        let access = try FleetAccess(config: config, environment: environment, transport: transport)
        let sources = try FleetSources(config: config, contexts: access.readContext)
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let fleet = await sources.readOnce()
        var texts = [
            "status table": StatusTable.render(fleet, now: now, refresh: 10),
            "status JSON": StatusDocument(fleet, now: now, refresh: 10).json(),
        ]
        // The same failure as the dashboard, doctor and a failed action word it, and as the audit log keeps it.
        do {
            _ = try await access.readContext(config.environments[0].access).credentials.credentials()
        } catch {
            texts["error report"] = ErrorReport.describe(error, action: "ecs:ListServices")
            texts["doctor"] = Doctor.explain(error, action: "sts:AssumeRole")
            let call = PlannedCall.updateService(environment: "dev", cluster: "app-dev", service: "frontend", taskDefinition: nil)
            texts["step failure"] = StepFailureReport.message(action: "restart", index: 1, total: 1, call: call, error: error, roleArn: role, done: [])
            texts["audit line"] = try auditLine(error: error, call: call)
            var fetch = ""
            dump(SnapshotMapper.fetchError(error, operation: "poll dev", at: now), to: &fetch)
            texts["fetch error"] = fetch
        }
        if fleet.environments.first?.error == nil {
            // Only a reply that lost nothing but trailing bytes may still be read; its keys then work and show nowhere.
            XCTAssertTrue(scenario.contains("cut at byte"), "\(scenario): a broken reply was accepted", file: file, line: line)
        } else {
            for name in names {
                for output in ["status table", "status JSON"] where !(texts[output] ?? "").contains(name) {
                    XCTFail("\(scenario): the \(output) does not say \(name): \(texts[output] ?? "")", file: file, line: line)
                }
            }
        }
        for (name, text) in texts {
            secrets.assertNoLeak(in: text, "\(scenario): \(name)", file: file, line: line)
            caller.assertNoLeak(in: text, "\(scenario): \(name), the caller's keys", file: file, line: line)
        }
    }

    /// The line the audit log gets for a step that failed with `error`, read back from the file.
    private func auditLine(error: any Error, call: PlannedCall) throws -> String {
        let path = try scratch() + "/audit.jsonl"
        let record = AuditRecord(time: AuditRecord.timestamp(Date(timeIntervalSince1970: 0)), identity: nil, action: "restart", service: "frontend",
                                 environment: "dev", from: nil, to: nil, step: call.summary, oldDigest: nil, newDigest: nil, gates: [],
                                 overrides: [], reason: "\(error)", result: "failed", error: StepFailureReport.code(error), requestIds: [])
        try AuditLog(path: path).append(record)
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    private func scratch() throws -> String {
        let path = Scratch.directory("secrets").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// The SSO cache file's name: the SHA-1 of the session name, in hex.
    private static func sha1Hex(_ text: String) -> String {
        Insecure.SHA1.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

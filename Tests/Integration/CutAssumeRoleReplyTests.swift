import Foundation
import TestSupport
import XCTest

/// The built binary when STS answers AssumeRole with a reply cut short (issue 11: a cut reply printed an access
/// key, secret and session token in `ecsdash status` in 9 of 62 runs): `status` as a table and as JSON, and `call
/// sts AssumeRole`, name the failed operation and its error code, and hold no part of the keys.
final class CutAssumeRoleReplyTests: XCTestCase {
    private let accessKeyId = "ASIAZ7Q4M2XKVB3NWJ5T"
    private let secretAccessKey = "q8Hk2mP/vR7tZ+xW4nB9cL1fJ6yD3sG0aE5uI8oT"
    private let sessionToken = "IQoJb3JpZ2luX2VjEHAaCWV1LXdlc3QtMSJHMEUCIQD" + String(repeating: "k3Jx9Qz+Lm7Wc/Vb2Np8Rt5Yh1Gd4Fs6", count: 12) + "=="
    /// The base keys the binary signs AssumeRole with.
    private let callerKeys = ["AWS_ACCESS_KEY_ID": "AKIAJ4N6Q2W8E5R7T3Y9", "AWS_SECRET_ACCESS_KEY": "Zx8cV7bN6mQ5wE4rT3yU2iO1pA0sD9fG8hJ7kL6z"]

    private var reply: String {
        """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <AssumedRoleUser>
              <AssumedRoleId>AROA3XFRBF535PLBIFPI4:ecsdash</AssumedRoleId>
              <Arn>arn:aws:sts::222222222222:assumed-role/DashboardReadOnly/ecsdash</Arn>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>\(accessKeyId)</AccessKeyId>
              <SecretAccessKey>\(secretAccessKey)</SecretAccessKey>
              <SessionToken>\(sessionToken)</SessionToken>
              <Expiration>2030-01-01T00:00:00Z</Expiration>
            </Credentials>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """
    }

    func testACutAssumeRoleReplyPrintsNoSecretInTheTableOrTheJSON() throws {
        let body = Data(reply.utf8)
        let secretStart = try XCTUnwrap(reply.range(of: secretAccessKey)).lowerBound.utf16Offset(in: reply)
        let tokenStart = try XCTUnwrap(reply.range(of: sessionToken)).lowerBound.utf16Offset(in: reply)
        let credentialsEnd = try XCTUnwrap(reply.range(of: "</Credentials>")).upperBound.utf16Offset(in: reply)
        // In half (as reported), inside the secret, inside the token, just after the keys, and one byte short.
        let cuts = [body.count / 2, secretStart + 20, tokenStart + 100, credentialsEnd, body.count - 1]
        for cut in cuts {
            let stub = try LoopbackHTTPStub { request in
                guard request.form["Action"] == "AssumeRole" else {
                    return .init(status: 400, body: Data("<ErrorResponse><Error><Code>InvalidAction</Code><Message>not here</Message></Error></ErrorResponse>".utf8))
                }
                return .init(status: 200, body: body.prefix(cut))
            }
            defer { stub.stop() }
            let config = try writeConfig(endpoint: stub.endpoint)

            let table = try ECSDashProcess.run(["status", "--config", config], environment: callerKeys)
            XCTAssertEqual(table.status, 1, "cut at \(cut): \(table.stderr)")
            assertNoSecret(in: table.stdout + table.stderr, "table, cut at \(cut)")
            XCTAssertTrue(table.stdout.contains("dev: STS AssumeRole: DeserializationError — could not assume arn:aws:iam::222222222222:role/DashboardReadOnly"),
                          "cut at \(cut): \(table.stdout)")

            let json = try ECSDashProcess.run(["status", "--output", "json", "--config", config], environment: callerKeys)
            XCTAssertEqual(json.status, 1, "cut at \(cut): \(json.stderr)")
            assertNoSecret(in: json.stdout + json.stderr, "JSON, cut at \(cut)")
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], json.stdout)
            let environments = try XCTUnwrap(document["environments"] as? [[String: Any]])
            XCTAssertEqual(environments.count, 2)
            for environment in environments {
                let error = try XCTUnwrap(environment["error"] as? [String: Any], "cut at \(cut): \(environment)")
                XCTAssertEqual(error["operation"] as? String, "STS AssumeRole")
                XCTAssertEqual(error["code"] as? String, "DeserializationError")
                let message = try XCTUnwrap(error["message"] as? String)
                XCTAssertTrue(message.contains("reply is not XML (\(cut) bytes)"), "cut at \(cut): \(message)")
            }
            XCTAssertEqual(stub.requests.filter { $0.form["Action"] == "AssumeRole" }.count, 4, "one AssumeRole per environment and run, not retried")
        }
    }

    /// `ecsdash call` prints a reply as it came for services without credentials; an STS reply it cannot read is
    /// only measured.
    func testCallSTSAssumeRoleWithACutReplyPrintsNoSecret() throws {
        let body = Data(reply.utf8)
        let stub = try LoopbackHTTPStub { _ in .init(status: 200, body: body.prefix(body.count / 2)) }
        defer { stub.stop() }
        let input = #"{"RoleArn":"arn:aws:iam::222222222222:role/DashboardReadOnly","RoleSessionName":"ecsdash"}"#
        let call = try ECSDashProcess.run(["call", "sts", "AssumeRole", "--input", input, "--endpoint-url", stub.endpoint, "--region", "eu-west-1"],
                                          environment: callerKeys)
        XCTAssertEqual(call.status, 1, call.stderr)
        assertNoSecret(in: call.stdout + call.stderr, "call sts AssumeRole")
        XCTAssertTrue(call.stderr.contains("STS AssumeRole failed: DeserializationError (HTTP 200): reply is not XML (\(body.count / 2) bytes)"), call.stderr)
    }

    // MARK: Helpers

    /// Neither the reply's keys nor the caller's, whole or any 12 characters of them.
    private func assertNoSecret(in text: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for secret in [accessKeyId, secretAccessKey, sessionToken] + callerKeys.values {
            let characters = Array(secret)
            for start in 0...(characters.count - 12) where text.contains(String(characters[start..<(start + 12)])) {
                XCTFail("\(context): a stretch of \(secret.prefix(4))… is printed:\n\(text)", file: file, line: line)
                return
            }
        }
    }

    private func writeConfig(endpoint: String) throws -> String {
        let directory = Scratch.directory("status-secrets")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ecsdash.yaml")
        try """
        region: eu-west-1
        endpoint_url: \(endpoint)
        environments:
          - name: dev
            account: "222222222222"
            role_arn: arn:aws:iam::222222222222:role/DashboardReadOnly
            cluster: app-dev
          - name: prod
            account: "555555555555"
            role_arn: arn:aws:iam::555555555555:role/DashboardReadOnly
            cluster: app-prod
        """.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}

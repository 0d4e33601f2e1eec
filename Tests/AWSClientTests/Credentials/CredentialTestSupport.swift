@testable import AWSClient
import Foundation
import TestSupport
import XCTest

/// An in-memory transport that records every request and answers from a closure.
final class CredentialTestTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private let handler: @Sendable (HTTPRequest) throws -> HTTPResponse

    init(_ handler: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        self.handler = handler
    }

    var requests: [HTTPRequest] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        lock.withLock { recorded.append(request) }
        return try handler(request)
    }

    /// A transport that must not be used; the test fails if anything is sent.
    static func unused(file: StaticString = #filePath, line: UInt = #line) -> CredentialTestTransport {
        CredentialTestTransport { request in
            XCTFail("unexpected request to \(request.endpoint.host)\(request.path)", file: file, line: line)
            throw TransportError(.connectionFailed, host: request.endpoint.host, message: "unexpected")
        }
    }

    /// A fake STS that answers AssumeRole with keys named after the role (`ASIA-<role name>`) and
    /// records which access key signed each call, so tests can see a source_profile chain.
    static func sts() -> CredentialTestTransport {
        CredentialTestTransport { request in
            let form = formFields(request)
            guard form["Action"] == "AssumeRole", let roleArn = form["RoleArn"] else {
                return HTTPResponse(status: 400, body: Data("<ErrorResponse><Error><Code>InvalidAction</Code><Message>unexpected</Message></Error></ErrorResponse>".utf8))
            }
            let role = roleArn.split(separator: "/").last.map(String.init) ?? roleArn
            let xml = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <AssumedRoleUser>
                  <AssumedRoleId>AROAEXAMPLE:\(form["RoleSessionName"] ?? "")</AssumedRoleId>
                  <Arn>arn:aws:sts::123456789012:assumed-role/\(role)/\(form["RoleSessionName"] ?? "")</Arn>
                </AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>ASIA-\(role)</AccessKeyId>
                  <SecretAccessKey>secret-\(role)</SecretAccessKey>
                  <SessionToken>token-\(role)</SessionToken>
                  <Expiration>2030-01-01T00:00:00Z</Expiration>
                </Credentials>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """
            return HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/xml")]), body: Data(xml.utf8))
        }
    }

    /// The decoded fields of a form-encoded (query protocol) body, or of the URL query.
    static func formFields(_ request: HTTPRequest) -> [String: String] {
        var fields: [String: String] = [:]
        for item in request.query { fields[item.name] = item.value }
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                URIEncoding.decode(text.replacingOccurrences(of: "+", with: " "))
            }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    /// The access key id in a SigV4 `Authorization` header.
    static func signingAccessKey(_ request: HTTPRequest) -> String? {
        guard let header = request.headers["Authorization"], let range = header.range(of: "Credential=") else { return nil }
        return header[range.upperBound...].split(separator: "/").first.map(String.init)
    }
}

/// A scratch directory removed when the test ends.
struct CredentialTestDirectory {
    let path: String

    init(_ test: XCTestCase) throws {
        path = Scratch.directory("credentials").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let path = self.path
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    }

    @discardableResult
    func write(_ name: String, _ text: String, executable: Bool = false) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
        }
        return file
    }
}

/// Asserts that `body` throws a `CredentialError` and returns it for further checks.
func assertCredentialError(
    _ body: () async throws -> Credentials,
    file: StaticString = #filePath,
    line: UInt = #line
) async -> CredentialError? {
    do {
        let credentials = try await body()
        XCTFail("expected a CredentialError, got \(credentials)", file: file, line: line)
    } catch let error as CredentialError {
        return error
    } catch {
        XCTFail("expected a CredentialError, got \(error)", file: file, line: line)
    }
    return nil
}

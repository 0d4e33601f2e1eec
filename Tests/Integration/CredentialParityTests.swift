import AWSClient
import Foundation
import TestSupport
import XCTest

/// ecsdash's credential chain and region against real botocore (the test venv's) on the same files and environment:
/// every case of Tests/Integration/Parity/cases must resolve to the same keys or identity and region, or fail the
/// same way; the few differences we keep on purpose are marked in their case and listed in README.md.
/// STS is moto; the SSO portal is a loopback stub both sides reach through AWS_ENDPOINT_URL_SSO.
final class CredentialParityTests: XCTestCase {
    func testEveryCaseResolvesLikeBotocore() async throws {
        let world = try MotoWorld.load()
        let python = try Self.venvPython()
        let cases = try ParityCase.all()
        XCTAssertGreaterThanOrEqual(cases.count, 60, "the corpus is meant to cover at least 60 cases")
        let portal = try LoopbackHTTPStub(Self.ssoPortal)
        defer { portal.stop() }
        let transport = AsyncHTTPTransport(settings: TransportSettings(connectTimeout: 5, requestTimeout: 15))
        var disagreements: [String] = []
        var agreed = 0
        for (name, parityCase) in cases {
            let root = Scratch.directory("parity")
            defer { try? FileManager.default.removeItem(at: root) }
            let environment = try parityCase.materialize(in: root, world: world, ssoEndpoint: portal.endpoint, now: Date())
            let botocore = try await withWebIdentityAllowed(parityCase.web_identity == true, world) {
                try Self.botocore(python, parityCase, environment: environment, world: world)
            }
            let ecsdash = try await withWebIdentityAllowed(parityCase.web_identity == true, world) {
                await Self.ecsdash(parityCase, environment: environment, world: world, transport: transport)
            }
            if let expected = parityCase.ecsdash {
                // A difference kept on purpose: ecsdash must do what the case says, and botocore must still differ.
                let meets = expected.error.map { ecsdash.failure == $0 } ?? (ecsdash.ok && (expected.region == nil || ecsdash.region == expected.region))
                if meets && !ecsdash.agrees(with: botocore, byIdentity: parityCase.identity == true) {
                    agreed += 1
                } else {
                    disagreements.append("\(name) [intentional: \(parityCase.intentional ?? "")]\n    botocore: \(botocore)\n    ecsdash:  \(ecsdash)\n    expected: \(expected)")
                }
            } else if ecsdash.agrees(with: botocore, byIdentity: parityCase.identity == true) {
                agreed += 1
            } else {
                disagreements.append("\(name) (\(parityCase.what))\n    botocore: \(botocore)\n    ecsdash:  \(ecsdash)")
            }
        }
        print("credential parity: \(agreed) of \(cases.count) cases as expected (\(cases.filter { $0.case.ecsdash != nil }.count) of them intentional differences)")
        XCTAssert(disagreements.isEmpty, "\(disagreements.count) of \(cases.count) cases disagree with botocore:\n" + disagreements.joined(separator: "\n"))
    }

    // MARK: The two resolvers

    private static func botocore(_ python: URL, _ parityCase: ParityCase, environment: [String: String], world: MotoWorld) throws -> ParityOutcome {
        let input: [String: Any] = [
            "env": environment, "profile": parityCase.profile as Any, "identity": parityCase.identity == true,
            "moto": world.endpoint, "region": world.region,
        ]
        let process = Process()
        process.executableURL = python
        process.arguments = [ParityCase.directory.appendingPathComponent("resolve.py").path]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (stdin, stdout, stderr)
        try process.run()
        let output = PipeReader(stdout.fileHandleForReading)
        let errors = PipeReader(stderr.fileHandleForReading)
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: input))
        try stdin.fileHandleForWriting.close()
        let text = output.text()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ParityError("resolve.py exited \(process.terminationStatus): \(errors.text())") }
        return try ParityOutcome(botocore: Data(text.utf8))
    }

    private static func ecsdash(_ parityCase: ParityCase, environment: [String: String], world: MotoWorld, transport: any HTTPTransport) async -> ParityOutcome {
        do {
            let credentials = try await CredentialChain.default(profile: parityCase.profile, environment: environment, transport: transport).credentials()
            let region = try RegionResolver.resolve(profile: parityCase.profile, environment: environment)
            var arn: String?
            if parityCase.identity == true {
                arn = try await STSClient(context: world.context(credentials, transport: transport)).getCallerIdentity().arn
            }
            return ParityOutcome(ok: true, credentials: credentials, region: region, arn: arn)
        } catch let error as CredentialError {
            let kind = error.kind == .notFound ? "noCredentials" : ParityOutcome.ecsdashKind(error.cause)
            return ParityOutcome(ok: false, failure: kind, detail: error.description)
        } catch let error as ProfileFileError {
            return ParityOutcome(ok: false, failure: "fileSyntax", detail: error.description)
        } catch {
            return ParityOutcome(ok: false, failure: "unexpected \(type(of: error))", detail: "\(error)")
        }
    }

    // MARK: Helpers

    /// Lets the next request reach moto unchecked while `body` runs (AssumeRoleWithWebIdentity is unsigned), then
    /// turns checking back on whatever happened, so no unchecked request is left over for another test.
    private func withWebIdentityAllowed<T>(_ allowed: Bool, _ world: MotoWorld, _ body: () async throws -> T) async throws -> T {
        guard allowed else { return try await body() }
        try await Self.resetAuth(world, "1")
        do {
            let result = try await body()
            try await Self.resetAuth(world, "0")
            return result
        } catch {
            try await Self.resetAuth(world, "0")
            throw error
        }
    }

    private static func resetAuth(_ world: MotoWorld, _ count: String) async throws {
        var reset = HTTPRequest(method: "POST", endpoint: try XCTUnwrap(Endpoint(url: world.endpoint)), path: "/moto-api/reset-auth", body: Data(count.utf8))
        reset.headers.set("Content-Type", "application/octet-stream")
        let response = try await AsyncHTTPTransport().send(reset)
        XCTAssertEqual(response.status, 200, "moto's reset-auth")
    }

    /// The portal's GetRoleCredentials: keys that spell out the account, role and bearer token asked with, so both
    /// sides must have sent the same ones to get the same keys.
    @Sendable private static func ssoPortal(_ request: LoopbackHTTPStub.Request) -> LoopbackHTTPStub.Response {
        guard request.path.hasPrefix("/federation/credentials?") else { return .init(status: 404, body: Data()) }
        var query: [String: String] = [:]
        for pair in request.path.split(separator: "?", maxSplits: 1)[1].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            query[parts[0]] = parts.count > 1 ? parts[1].removingPercentEncoding : ""
        }
        let token = request.headers["x-amz-sso_bearer_token"] ?? "none"
        let body = #"{"roleCredentials":{"accessKeyId":"ASIASSO-\#(query["account_id"] ?? "")-\#(query["role_name"] ?? "")-\#(token)","secretAccessKey":"sso-secret","sessionToken":"sso-token","expiration":\#(Int(Date().timeIntervalSince1970 + 3600) * 1000)}}"#
        return .init(status: 200, body: Data(body.utf8), contentType: "application/json")
    }

    /// The test venv's Python, which has botocore; in CI (where scripts/test made it) its absence fails the test.
    private static func venvPython() throws -> URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Required.missing("the test venv at \(python.path)", hint: "run ./scripts/test (it creates it)")
        }
        return python
    }
}

/// A parity run that could not even compare (resolve.py itself broke).
struct ParityError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

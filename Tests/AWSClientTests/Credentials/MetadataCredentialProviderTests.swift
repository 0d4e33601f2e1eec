@testable import AWSClient
import TestSupport
import XCTest

final class MetadataCredentialProviderTests: XCTestCase {
    private let document = Data(#"{"Code":"Success","AccessKeyId":"META_KEY","SecretAccessKey":"meta-secret","Token":"meta-token","Expiration":"2030-01-01T00:00:00Z"}"#.utf8)

    // MARK: container

    func testContainerRelativeURI() async throws {
        let document = self.document
        let transport = CredentialTestTransport { _ in HTTPResponse(status: 200, body: document) }
        let provider = ContainerCredentialProvider(environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc?x=1"], transport: transport, clock: ManualClock())
        let credentials = try await provider.credentials()
        XCTAssertEqual(credentials.accessKeyId, "META_KEY")
        XCTAssertEqual(credentials.sessionToken, "meta-token")
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.url.absoluteString, "http://169.254.170.2/v2/credentials/abc?x=1")
        XCTAssertNil(request.headers["Authorization"])
    }

    func testContainerFullURIWithTokenAndTokenFile() async throws {
        let document = self.document
        let transport = CredentialTestTransport { _ in HTTPResponse(status: 200, body: document) }
        let withToken = ContainerCredentialProvider(environment: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8080/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "literal-token",
        ], transport: transport, clock: ManualClock())
        _ = try await withToken.credentials()
        XCTAssertEqual(transport.requests.last?.url.absoluteString, "http://127.0.0.1:8080/creds")
        XCTAssertEqual(transport.requests.last?.headers["Authorization"], "literal-token")

        let dir = try CredentialTestDirectory(self)
        let tokenFile = try dir.write("token", "file-token\n")
        let withFile = ContainerCredentialProvider(environment: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.170.23/v1/credentials",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "literal-token",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": tokenFile,
        ], transport: transport, clock: ManualClock())
        _ = try await withFile.credentials()
        XCTAssertEqual(transport.requests.last?.headers["Authorization"], "file-token", "the token file wins")
    }

    func testContainerRefusesPlainHTTPToOtherHosts() async throws {
        let provider = ContainerCredentialProvider(environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://evil.example.com/creds"],
                                                   transport: CredentialTestTransport.unused(), clock: ManualClock())
        let error = await assertCredentialError { try await provider.credentials() }
        XCTAssertEqual(error?.kind, .failed)
    }

    func testContainerNotConfiguredIsNotFoundAndErrorsFail() async throws {
        let none = await assertCredentialError { try await ContainerCredentialProvider(environment: [:], transport: CredentialTestTransport.unused()).credentials() }
        XCTAssertEqual(none?.kind, .notFound)
        let failing = CredentialTestTransport { _ in HTTPResponse(status: 500) }
        let provider = ContainerCredentialProvider(environment: ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/x"], transport: failing, clock: ManualClock())
        let error = await assertCredentialError { try await provider.credentials() }
        XCTAssertEqual(error?.kind, .failed)
        XCTAssertTrue(error?.message.contains("HTTP 500") == true, error?.message ?? "")
    }

    // MARK: instance metadata

    private func imds(tokenStatus: Int = 200, roles: String = "web-role\n") -> CredentialTestTransport {
        let document = self.document
        return CredentialTestTransport { request in
            switch (request.method, request.path) {
            case ("PUT", "/latest/api/token"):
                return HTTPResponse(status: tokenStatus, body: Data("imds-token".utf8))
            case ("GET", "/latest/meta-data/iam/security-credentials/"):
                return roles.isEmpty ? HTTPResponse(status: 404) : HTTPResponse(status: 200, body: Data(roles.utf8))
            case ("GET", "/latest/meta-data/iam/security-credentials/web-role"):
                return HTTPResponse(status: 200, body: document)
            default:
                return HTTPResponse(status: 404)
            }
        }
    }

    func testIMDSv2TokenComesFirstAndIsSentOnEveryGet() async throws {
        let transport = imds()
        let credentials = try await InstanceMetadataCredentialProvider(environment: [:], transport: transport, clock: ManualClock()).credentials()
        XCTAssertEqual(credentials.accessKeyId, "META_KEY")
        XCTAssertEqual(credentials.expiration, ISO8601Timestamp.parse("2030-01-01T00:00:00Z"))

        let requests = transport.requests
        XCTAssertEqual(requests.map(\.method), ["PUT", "GET", "GET"])
        XCTAssertEqual(requests[0].endpoint.host, "169.254.169.254")
        XCTAssertEqual(requests[0].path, "/latest/api/token")
        XCTAssertEqual(requests[0].headers["x-aws-ec2-metadata-token-ttl-seconds"], "21600")
        XCTAssertEqual(requests[1].path, "/latest/meta-data/iam/security-credentials/")
        XCTAssertEqual(requests[2].path, "/latest/meta-data/iam/security-credentials/web-role")
        for request in requests.dropFirst() {
            XCTAssertEqual(request.headers["x-aws-ec2-metadata-token"], "imds-token")
        }
    }

    func testIMDSv1FallbackWhenTokenIsForbidden() async throws {
        let transport = imds(tokenStatus: 403)
        _ = try await InstanceMetadataCredentialProvider(environment: [:], transport: transport, clock: ManualClock()).credentials()
        XCTAssertNil(transport.requests.last?.headers["x-aws-ec2-metadata-token"])
    }

    func testIMDSDisabledUnreachableAndRoleless() async throws {
        let disabled = await assertCredentialError {
            try await InstanceMetadataCredentialProvider(environment: ["AWS_EC2_METADATA_DISABLED": "TRUE"], transport: CredentialTestTransport.unused()).credentials()
        }
        XCTAssertEqual(disabled?.kind, .notFound)

        let refused = CredentialTestTransport { request in throw TransportError(.connectionFailed, host: request.endpoint.host, message: "refused") }
        let unreachable = await assertCredentialError {
            try await InstanceMetadataCredentialProvider(environment: [:], transport: refused, clock: ManualClock()).credentials()
        }
        XCTAssertEqual(unreachable?.kind, .notFound)

        let roleless = await assertCredentialError {
            try await InstanceMetadataCredentialProvider(environment: [:], transport: self.imds(roles: ""), clock: ManualClock()).credentials()
        }
        XCTAssertEqual(roleless?.kind, .notFound)
        XCTAssertTrue(roleless?.message.contains("no IAM role") == true, roleless?.message ?? "")
    }

    func testIMDSTimesOutOnTheInjectedClock() async throws {
        let clock = ManualClock()
        let provider = InstanceMetadataCredentialProvider(environment: [:], transport: HangingTransport(), clock: clock, timeout: 1)
        let attempt = Task { try await provider.credentials() }
        await clock.waitForSleepers(1)
        clock.advance(by: 1)
        do {
            _ = try await attempt.value
            XCTFail("expected a timeout")
        } catch let error as CredentialError {
            XCTAssertEqual(error.kind, .notFound)
            XCTAssertTrue(error.message.contains("RequestTimeout"), error.message)
        }
    }
}

/// A transport whose requests never finish until cancelled, like an unroutable metadata address.
private struct HangingTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        while true {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
    }
}

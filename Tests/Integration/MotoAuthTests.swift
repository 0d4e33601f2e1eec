import AWSClient
import Foundation
import XCTest

/// The AWS client core against a real moto server that checks every signature and IAM policy.
final class MotoAuthTests: XCTestCase {
    func testBaseUserIdentity() async throws {
        let world = try MotoWorld.load()
        let identity = try await STSClient(context: world.context(world.credentials(of: "ci"))).getCallerIdentity()
        XCTAssertEqual(identity.arn, world.users["ci"]!.arn)
        XCTAssertEqual(identity.account, "123456789012")
    }

    func testAssumeRoleInAnotherAccountThenReadECSThere() async throws {
        let world = try MotoWorld.load()
        let dev = world.environment("dev")
        let (context, assumedArn) = try await world.assume(dev.readonly_role_arn)
        XCTAssertEqual(assumedArn?.hasPrefix("arn:aws:sts::222222222222:assumed-role/DashboardReadOnly/"), true, assumedArn ?? "nil")

        let identity = try await STSClient(context: context).getCallerIdentity()
        XCTAssertEqual(identity.account, dev.account)
        XCTAssertTrue(identity.arn.contains("assumed-role/DashboardReadOnly"), identity.arn)

        let services = try await ECSClient(context: context).listServices(cluster: dev.cluster)
        XCTAssertEqual(Set(services), Set(dev.services.values.map(\.service_arn)))
        let clusters = try await ECSClient(context: context).listClusters()
        XCTAssertEqual(clusters, [dev.cluster_arn])
    }

    func testWrongSecretIsATypedSignatureError() async throws {
        let world = try MotoWorld.load()
        var credentials = world.credentials(of: "ci")
        credentials.secretAccessKey = String(credentials.secretAccessKey.reversed())
        do {
            _ = try await STSClient(context: world.context(credentials)).getCallerIdentity()
            XCTFail("a wrong secret must be rejected")
        } catch let error as AWSError {
            XCTAssertEqual(error.code, "SignatureDoesNotMatch")
            XCTAssertEqual(error.status, 403)
            XCTAssertEqual(error.kind, .invalidCredentials)
            XCTAssertEqual(error.operation, "GetCallerIdentity")
        }
    }

    func testWrongSecretOnAJSONServiceToo() async throws {
        let world = try MotoWorld.load()
        let dev = world.environment("dev")
        let (context, _) = try await world.assume(dev.readonly_role_arn)
        var credentials = try await context.credentials.credentials()
        credentials.secretAccessKey = "not-the-secret"
        do {
            _ = try await ECSClient(context: world.context(credentials)).listServices(cluster: dev.cluster)
            XCTFail("a wrong secret must be rejected")
        } catch let error as AWSError {
            XCTAssertEqual(error.service, "ECS")
            XCTAssertEqual(error.code, "SignatureDoesNotMatch")
            XCTAssertEqual(error.kind, .invalidCredentials)
        }
    }

    func testRoleWithoutPermissionIsATypedAccessDenied() async throws {
        let world = try MotoWorld.load()
        let dev = world.environment("dev")
        let (context, _) = try await world.assume(dev.no_permissions_role_arn)
        do {
            _ = try await ECSClient(context: context).listServices(cluster: dev.cluster)
            XCTFail("NoPermissions must not list services")
        } catch let error as AWSError {
            XCTAssertEqual(error.code, "AccessDenied")
            XCTAssertEqual(error.kind, .accessDenied)
            XCTAssertEqual(error.operation, "ListServices")
            XCTAssertTrue(error.message.contains("ecs:ListServices"), error.message)
        }
    }

    func testMissingSessionTokenIsRejected() async throws {
        let world = try MotoWorld.load()
        let (context, _) = try await world.assume(world.environment("dev").readonly_role_arn)
        var credentials = try await context.credentials.credentials()
        credentials.sessionToken = nil
        await XCTAssertThrowsAWSError(try await STSClient(context: world.context(credentials)).getCallerIdentity(), code: "InvalidClientTokenId")
    }

    func testUnreachableEndpointFailsFastAndClearly() async throws {
        let world = try MotoWorld.load()
        // Port 9 on loopback: nothing listens there, so the connection is refused at once.
        let context = AWSClientContext(region: world.region, credentials: StaticCredentialProvider(world.credentials(of: "ci")),
                                       transport: AsyncHTTPTransport(settings: TransportSettings(connectTimeout: 2, requestTimeout: 5)),
                                       endpointOverride: "http://127.0.0.1:9", retryPolicy: .none)
        do {
            _ = try await STSClient(context: context).getCallerIdentity()
            XCTFail("nothing listens on port 9")
        } catch let error as AWSError {
            XCTAssertNil(error.status)
            XCTAssertEqual(error.kind, .transient)
            XCTAssertTrue(error.description.contains("127.0.0.1:9"), error.description)
        }
    }
}

func XCTAssertThrowsAWSError<T>(_ expression: @autoclosure () async throws -> T, code: String, file: StaticString = #filePath, line: UInt = #line) async {
    do {
        _ = try await expression()
        XCTFail("expected AWSError \(code)", file: file, line: line)
    } catch let error as AWSError {
        XCTAssertEqual(error.code, code, file: file, line: line)
    } catch {
        XCTFail("expected AWSError \(code), got \(error)", file: file, line: line)
    }
}

import AWSClient
import Foundation
import XCTest

/// The moto world `scripts/test` seeds (Tests/Integration/moto/seed_world.py documents every field).
struct MotoWorld: Decodable {
    struct User: Decodable {
        let name: String
        let account: String
        let arn: String
        let access_key_id: String
        let secret_access_key: String
    }

    struct Repository: Decodable {
        let uri: String
        let tags: [String: String]
    }

    struct Registry: Decodable {
        let account: String
        let readonly_role_arn: String
        let deployer_role_arn: String
        let no_permissions_role_arn: String
        let repositories: [String: Repository]
    }

    /// An Application Auto Scaling target on a service's desired count.
    struct ScalableTarget: Decodable {
        let resource_id: String
        let min_capacity: Int
        let max_capacity: Int
    }

    struct Service: Decodable {
        let service_name: String
        let service_arn: String
        let task_definition_arn: String
        let image: String
        let image_digest: String
        let desired_count: Int
        let running_count: Int
        let task_arns: [String]
        let log_group: String
        /// nil where the service has none (every service but dev's frontend).
        let scalable_target: ScalableTarget?
    }

    struct Environment: Decodable {
        let name: String
        let account: String
        let cluster: String
        let cluster_arn: String
        let readonly_role_arn: String
        let deployer_role_arn: String
        let no_permissions_role_arn: String
        let services: [String: Service]
    }

    let endpoint: String
    let region: String
    let users: [String: User]
    let registry: Registry
    let environments: [Environment]

    /// Loads the world named by ECSDASH_MOTO_WORLD (see `Required` for what a missing one does).
    static func load(file: StaticString = #filePath, line: UInt = #line) throws -> MotoWorld {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["ECSDASH_MOTO_WORLD"], FileManager.default.fileExists(atPath: path) else {
            throw Required.missing("the moto world (ECSDASH_MOTO_WORLD)", hint: "run ./scripts/test (it starts and seeds moto)", file: file, line: line)
        }
        return try JSONDecoder().decode(MotoWorld.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func environment(_ name: String) -> Environment {
        environments.first { $0.name == name }!
    }

    func credentials(of user: String) -> Credentials {
        let user = users[user]!
        return Credentials(accessKeyId: user.access_key_id, secretAccessKey: user.secret_access_key)
    }

    /// A client context aimed at moto with fixed credentials and no retries (so failures show at once).
    func context(_ credentials: Credentials, transport: any HTTPTransport = AsyncHTTPTransport(settings: TransportSettings(connectTimeout: 5, requestTimeout: 15))) -> AWSClientContext {
        AWSClientContext(region: region, credentials: StaticCredentialProvider(credentials), transport: transport,
                         endpointOverride: endpoint, retryPolicy: .none)
    }

    /// Assumes a role with the given user's keys and returns a context acting as that role.
    func assume(_ roleArn: String, as user: String = "ci") async throws -> (context: AWSClientContext, arn: String?) {
        let base = context(credentials(of: user))
        let result = try await STSClient(context: base).assumeRole(AssumeRoleRequest(roleArn: roleArn, sessionName: "ecsdash-tests"))
        return (base.with(credentials: StaticCredentialProvider(result.credentials)), result.assumedRoleArn)
    }
}

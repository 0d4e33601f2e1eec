import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
@testable import FleetSimulator
import Foundation
import TestSupport

/// Passes every request to the simulator, but cuts its answers to the deploy role's AssumeRole in half, after
/// noting the keys they held.
final class DeployRoleReplyCutter: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [LeakSamples] = []

    var seen: [LeakSamples] { lock.withLock { keys } }

    func wrapping(_ inner: any HTTPTransport) -> any HTTPTransport {
        Cutting(inner: inner, cutter: self)
    }

    fileprivate func note(_ reply: String) {
        func element(_ name: String) -> String {
            guard let start = reply.range(of: "<\(name)>"), let end = reply.range(of: "</\(name)>", range: start.upperBound..<reply.endIndex) else { return "" }
            return String(reply[start.upperBound..<end.lowerBound])
        }
        let samples = LeakSamples(accessKeyId: element("AccessKeyId"), secretAccessKey: element("SecretAccessKey"), sessionToken: element("SessionToken"))
        lock.withLock { keys.append(samples) }
    }

    private struct Cutting: HTTPTransport {
        let inner: any HTTPTransport
        let cutter: DeployRoleReplyCutter

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            var response = try await inner.send(request)
            let form = CredentialTestServer.form(request)
            guard form["Action"] == "AssumeRole", form["RoleArn"]?.hasSuffix("role/\(SimulatedFleet.deployRoleName)") == true, response.isSuccess else {
                return response
            }
            cutter.note(String(decoding: response.body, as: UTF8.self))
            response.body = response.body.prefix(response.body.count / 2)
            return response
        }
    }
}

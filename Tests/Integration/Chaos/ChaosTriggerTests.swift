import AWSClient
import Foundation
import TestSupport
import XCTest

/// The short trigger of the old URLSession deadlock: ListTasks answering 200 with the body `"str"` made a failing
/// `async let` sibling cancel requests as they completed, and `status` hung in 4 of 6 runs. Now every run ends,
/// names the operation that lied, and keeps the other environments' answers.
final class ChaosTriggerTests: XCTestCase {
    func testListTasksAnsweringAStringEndsStatusEveryTime() async throws {
        let world = try MotoWorld.load()
        let proxy = try await world.chaosProxy(FaultPlan(rules: [FaultRule(.wrongBody(.string), service: "ecs", operation: "ListTasks")]))
        let config = try world.writeConfig(endpoint: proxy.endpoint)
        defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
        let runs = 50
        var ended = 0
        for run in 1...runs {
            let result = try ECSDashProcess.run(["status", "--output", "json", "--config", config.path], environment: world.keys(of: "ci"), timeout: 60)
            guard !result.timedOut else { continue }
            ended += 1
            XCTAssertEqual(result.status, 1, "run \(run): every environment's ListTasks lies, so status fails: \(result.stderr)")
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "run \(run)")
            for environment in try XCTUnwrap(document["environments"] as? [[String: Any]]) {
                XCTAssertEqual(environment["ok"] as? Bool, false, "run \(run)")
                let error = try XCTUnwrap(environment["error"] as? [String: Any], "run \(run)")
                XCTAssertEqual(error["operation"] as? String, "ECS ListTasks", "run \(run): \(error)")
                XCTAssertEqual(error["code"] as? String, "DeserializationError", "run \(run): \(error)")
            }
        }
        XCTAssertEqual(ended, runs, "runs that ended on their own")
        XCTAssertGreaterThanOrEqual(proxy.statistics.faults["body-string", default: 0], runs * 4, "the lie reached every environment in every run")
        await proxy.stop()
    }

    /// An account whose clock runs 15 minutes ahead refuses signatures made with ours, as AWS does, and says what
    /// time it is; ecsdash learns the offset and signs again, so the environment still answers.
    func testASkewedAccountClockIsLearnedAndTheCallRetried() async throws {
        let world = try MotoWorld.load()
        let dev = world.environment("dev").account
        let proxy = try await world.chaosProxy(FaultPlan(clockSkew: [dev: 900]))
        let config = try world.writeConfig(endpoint: proxy.endpoint)
        defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
        let result = try ECSDashProcess.run(["status", "--output", "json", "--config", config.path, "--env", "dev"], environment: world.keys(of: "ci"), timeout: 60)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertGreaterThanOrEqual(proxy.statistics.faults["skew", default: 0], 1, "the skewed clock refused the first signature")
        await proxy.stop()
    }

    /// A call refused because its session token expired is retried once with freshly assumed credentials.
    func testAnExpiredTokenIsRefreshedNotFatal() async throws {
        let world = try MotoWorld.load()
        let prod = world.environment("prod").account
        let proxy = try await world.chaosProxy(FaultPlan(rules: [FaultRule(.expiredToken, times: 1, service: "ecs", account: prod)]))
        let config = try world.writeConfig(endpoint: proxy.endpoint)
        defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
        let result = try ECSDashProcess.run(["status", "--output", "json", "--config", config.path, "--env", "prod"], environment: world.keys(of: "ci"), timeout: 60)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(proxy.statistics.faults["expired-token"], 1)
        XCTAssertEqual(proxy.statistics.operations["sts.AssumeRole"], 3, "prod's role assumed again after the refusal (and the registry's once)")
        await proxy.stop()
    }
}

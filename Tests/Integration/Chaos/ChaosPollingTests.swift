import AWSClient
@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// The dashboard's pollers against moto behind the chaos proxy: through minutes of mixed faults polls keep
/// completing everywhere and nothing wrong is ever shown; when the faults stop every environment is fresh and
/// right by its next poll; and one account hanging on every call never holds up the others.
final class ChaosPollingTests: XCTestCase {
    /// Seconds of mixed faults; ECSDASH_CHAOS_SECONDS lengthens a local run.
    var faultSeconds: TimeInterval { ProcessInfo.processInfo.environment["ECSDASH_CHAOS_SECONDS"].flatMap(TimeInterval.init) ?? 180 }

    func testPollersLastThroughMixedFaultsAndRecoverWhenTheyStop() async throws {
        let world = try MotoWorld.load()
        let truth = try await ChaosFleet.truth(world)
        let chaos = try await ChaosFleet(world: world, plan: .mixed(rate: 0.2, hang: 45))
        chaos.start()
        let names = chaos.fleet.environmentNames
        let started = Date()
        var wrong: [String] = []
        // Thirds of the run: every environment must complete a poll in each of them.
        let thirds = (0..<3).map { started.addingTimeInterval(faultSeconds * Double($0) / 3) }
        await chaos.waitUntil(limit: faultSeconds) { chaos in
            wrong += FleetTruth.wrongCells(chaos.fleet, truth: truth)
            return false
        }
        let faulted = chaos.proxy.statistics
        for name in names {
            for (index, from) in thirds.enumerated() {
                let to = index + 1 < thirds.count ? thirds[index + 1] : Date()
                let completed = chaos.outcomes(of: name).filter { $0.ok && $0.started! >= from && $0.started! < to }.count
                XCTAssertGreaterThan(completed, 0, "\(name) completed no poll in part \(index + 1) of the run")
            }
        }
        XCTAssertEqual(wrong.count, 0, "wrong values shown as if real: \(Array(Set(wrong)).sorted().prefix(10))")
        let share = Double(faulted.injected) / Double(max(1, faulted.requests))
        XCTAssertGreaterThan(share, 0.1, "the proxy injected too few faults to mean anything: \(faulted)")

        // Faults stop: the first poll each environment starts from now on must succeed and show the truth.
        chaos.proxy.setPlan(.none)
        let calm = Date()
        let recovered = await chaos.waitUntil(limit: 60) { chaos in
            names.allSatisfy { chaos.successes(of: $0, since: calm) > 0 } && (chaos.fleet.registry?.fetchedAt ?? .distantPast) >= calm
        }
        XCTAssertTrue(recovered, "not every environment and the registry answered again: \(chaos.fleet.environments.map { "\($0.name): \($0.error.map(String.init(describing:)) ?? "ok")" })")
        for name in names {
            let first = chaos.outcomes(of: name).first { ($0.started ?? .distantPast) >= calm || (!$0.ok && $0.at > calm.addingTimeInterval(chaos.refresh * 2)) }
            XCTAssertEqual(first?.ok, true, "\(name): the first poll after the faults stopped failed")
        }
        XCTAssertEqual(FleetTruth.wrongCells(chaos.fleet, truth: truth), [])
        XCTAssertTrue(chaos.fleet.registry?.errors.isEmpty ?? false, "registry: \(chaos.fleet.registry?.errors ?? [])")
        XCTAssertTrue(chaos.fleet.registry?.staleSince.isEmpty ?? false)
        let recovery = Date().timeIntervalSince(calm)
        print("chaos: \(faulted.requests) requests, \(faulted.injected) faults \(faulted.faults.sorted { $0.key < $1.key }), "
              + "polls ok \(names.map { "\($0)=\(chaos.successes(of: $0, since: started))" }), recovered in \(String(format: "%.1f", recovery)) s")
        await chaos.stop()
    }

    func testOneAccountHangingOnEveryCallNeverHoldsUpTheOthers() async throws {
        let world = try MotoWorld.load()
        let prod = world.environment("prod").account
        let chaos = try await ChaosFleet(world: world, plan: FaultPlan(rules: [FaultRule(.hang(seconds: nil), account: prod)]))
        chaos.start()
        let started = Date()
        // Prod's first poll hangs on its first call; while it waits out its deadline the others poll on.
        let prodFailed = await chaos.waitUntil(limit: 60) { chaos in chaos.fleet.state("prod")?.error != nil }
        XCTAssertTrue(prodFailed, "prod never reported its hang")
        let error = try XCTUnwrap(chaos.fleet.state("prod")?.error)
        XCTAssertTrue(["ReadTimeout", "RequestTimeout", "PollTimeout"].contains(error.code), "\(error)")
        // The healthy environments poll at their own pace meanwhile: as many polls as prod took seconds to fail, over the interval.
        let polled = await chaos.waitUntil(limit: 60) { chaos in
            ["dev", "sit", "uat"].allSatisfy { chaos.successes(of: $0, since: started) >= 3 }
        }
        XCTAssertTrue(polled, "healthy environments: \(["dev", "sit", "uat"].map { "\($0)=\(chaos.successes(of: $0, since: started))" })")
        XCTAssertNil(chaos.fleet.state("prod")?.snapshot, "prod never answered, so nothing may be shown for it")
        print("hang: prod failed with \(error.code) after \(String(format: "%.1f", error.at.timeIntervalSince(started))) s; "
              + "\(["dev", "sit", "uat"].map { "\($0)=\(chaos.successes(of: $0, since: started))" }) polls meanwhile")
        await chaos.stop()
    }
}

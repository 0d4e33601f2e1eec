import AWSClient
@testable import DashboardEngine
import DashboardModel
import FleetSimulator
import Foundation
import TestSupport
import XCTest

/// The demo world's file: kept and reloaded exactly, reset on request, and a bad file is a message, never a crash.
final class DemoWorldTests: XCTestCase {
    var directory: URL!
    var store: DemoWorldStore!
    let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))

    override func setUpWithError() throws {
        directory = Scratch.directory("demo-world")
        store = DemoWorldStore(path: directory.appendingPathComponent("ecsdash/demo-world.json").path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testThePathFollowsXDGStateHome() {
        XCTAssertEqual(DemoWorldStore.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]), "/s/ecsdash/demo-world.json")
        XCTAssertEqual(DemoWorldStore.path(environment: ["XDG_STATE_HOME": "", "HOME": "/h"]), "/h/.local/state/ecsdash/demo-world.json")
    }

    func testANewWorldIsSavedAtOnceAndReopenedAsTheSameWorld() throws {
        let first = try DemoWorld.open(store: store, services: 3, tasks: 1, reset: false, clock: clock)
        XCTAssertTrue(first.notices.first?.hasPrefix("started a new demo world, kept in \(store.path)") == true, "\(first.notices)")
        clock.advance(by: 60)
        let second = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock)
        XCTAssertEqual(second.notices, [])
        XCTAssertEqual(second.fleet.record(), first.fleet.record())
        XCTAssertEqual(second.fleet.record().servicesPerEnvironment, 3, "a saved world keeps its size when none is asked for")
    }

    func testAWorldAfterAPromotionIsSavedAndLoadsEqual() async throws {
        let world = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock)
        let dispatcher = ActionDispatcher(access: ActionAccess(setup: world.setup(clock: clock)),
                                          audit: AuditLog(path: directory.appendingPathComponent("audit.jsonl").path), readOnly: false)
        var request = ActionRequest(service: "frontend", kind: .promote(from: "uat", to: "prod"))
        request.yes = true
        request.confirmEnvironment = "prod"
        request.wait = false
        let outcome = await dispatcher.run(request, confirm: { _ in nil }, progress: { _ in })
        XCTAssertEqual(outcome.exitCode, ActionOutcome.success, outcome.message)
        XCTAssertEqual(world.save(), [])
        XCTAssertEqual(world.save(), [], "nothing new: nothing to say")

        let saved = try XCTUnwrap(try store.read())
        XCTAssertEqual(saved, world.fleet.record())
        XCTAssertTrue(saved.changes.map(\.name).contains("ECS.UpdateService"), "\(saved.changes.map(\.name))")
        let reopened = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock)
        XCTAssertEqual(reopened.fleet.record(), saved)
    }

    func testResetStartsAfresh() throws {
        var record = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock).fleet.record()
        record.changes = []
        clock.advance(by: 3600)
        let reset = try DemoWorld.open(store: store, services: 2, tasks: 1, reset: true, clock: clock)
        let fresh = try XCTUnwrap(try store.read())
        XCTAssertEqual(fresh.origin, 1_750_003_600)
        XCTAssertEqual(fresh.servicesPerEnvironment, 2)
        XCTAssertEqual(reset.fleet.record(), fresh)
        XCTAssertNotEqual(fresh.origin, record.origin)
    }

    func testAnotherSizeThanTheSavedWorldsIsRefusedWithTheWayOut() throws {
        _ = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock)
        XCTAssertThrowsError(try DemoWorld.open(store: store, services: 8, tasks: nil, reset: false, clock: clock)) { error in
            let error = error as? DemoWorldError
            XCTAssertEqual(error?.kind, .mismatch)
            XCTAssertEqual(error?.message, "the saved demo world \(store.path) has 5 services per environment and 2 tasks per service; add --demo-reset to start a new one with --demo-services 8 --demo-tasks 2")
        }
        XCTAssertNoThrow(try DemoWorld.open(store: store, services: 5, tasks: 2, reset: false, clock: clock), "the same size is no mismatch")
    }

    func testACorruptFileIsAMessageNamingItAndTheReset() throws {
        try write("{\"format\": 1, \"origin\": \"yesterday\"}")
        assertUnusable(contains: "is damaged (origin: ")
        try write("\u{0}\u{1}not json")
        assertUnusable(contains: "is not a demo world file")
        try write("")
        assertUnusable(contains: "is not a demo world file")
        // The way out works on the same file.
        XCTAssertNoThrow(try DemoWorld.open(store: store, services: nil, tasks: nil, reset: true, clock: clock))
        XCTAssertNotNil(try store.read())
    }

    func testAFileFromANewerVersionSaysSo() throws {
        try write("{\"format\": 2, \"something\": \"else\"}")
        assertUnusable(contains: "was written by a newer ecsdash (format 2; this one reads up to 1)")
    }

    func testAnUnreadableFileIsAMessage() throws {
        try FileManager.default.createDirectory(atPath: store.path, withIntermediateDirectories: true)
        assertUnusable(contains: "cannot be read")
    }

    func testSavesFromTwoProcessesAreMerged() async throws {
        _ = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock)
        let first = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock)
        let second = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock)
        clock.advance(by: 10)
        try await stopATask(in: first, environment: "dev")
        clock.advance(by: 10)
        try await stopATask(in: second, environment: "sit")
        XCTAssertEqual(first.save(), [])
        let notices = second.save()
        XCTAssertEqual(notices, ["another ecsdash changed the demo world while this one ran; both sets of changes are kept in \(store.path)"])
        let saved = try XCTUnwrap(try store.read())
        XCTAssertEqual(saved.changes.map(\.account), [SimulatedFleet.environmentAccounts["dev"], SimulatedFleet.environmentAccounts["sit"]])
        XCTAssertNoThrow(try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock), "the merged history replays")
    }

    func testAWorldResetMeanwhileIsNotOverwritten() async throws {
        let world = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock)
        clock.advance(by: 10)
        _ = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: true, clock: clock)
        let fresh = try store.read()
        try await stopATask(in: world, environment: "dev")
        XCTAssertEqual(world.save().first?.contains("was reset or replaced by another ecsdash"), true)
        XCTAssertEqual(try store.read(), fresh)
        XCTAssertEqual(world.save(), [], "said once")
    }

    func testALockedStoreMeansAnUnsavedCopyAndSaysSo() async throws {
        _ = try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock)
        let before = try store.read()
        // flock locks belong to the open file description, so a second descriptor in this process contends like another process.
        let holder = open(store.lockPath, O_RDWR)
        XCTAssertEqual(flock(holder, LOCK_EX), 0)
        defer { close(holder) }
        let quick = DemoWorldStore(path: store.path)
        let world = try DemoWorld.open(store: quick, services: nil, tasks: nil, reset: false, clock: clock, lockWait: 0.05)
        XCTAssertEqual(world.notices, ["the demo world \(store.path) is locked by another ecsdash; this command works on its own copy of the demo world and will not save it"])
        XCTAssertEqual(world.fleet.record(), before, "the copy is the saved world")
        try await stopATask(in: world, environment: "dev")
        XCTAssertEqual(world.save(), [])
        XCTAssertEqual(try store.read(), before)
    }

    // MARK: Helpers

    private func write(_ text: String) throws {
        try FileManager.default.createDirectory(atPath: (store.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.path))
    }

    private func assertUnusable(contains fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try DemoWorld.open(store: store, services: nil, tasks: nil, reset: false, clock: clock), file: file, line: line) { error in
            let error = error as? DemoWorldError
            XCTAssertEqual(error?.kind, .unusable, file: file, line: line)
            let message = error?.message ?? ""
            XCTAssertTrue(message.hasPrefix("the saved demo world \(store.path) "), message, file: file, line: line)
            XCTAssertTrue(message.contains(fragment), message, file: file, line: line)
            XCTAssertTrue(message.hasSuffix("; add --demo-reset to start a new one"), message, file: file, line: line)
        }
    }

    /// A StopTask through the demo's own wiring (deploy role, signed), so it lands in the world's record.
    private func stopATask(in world: DemoWorld, environment: String) async throws {
        let config = DemoFleet.config()
        let account = try XCTUnwrap(config.environment(named: environment)?.access)
        let context = try XCTUnwrap(try world.setup(clock: clock).deployContext(account))
        let ecs = ECSClient(context: context)
        let tasks = try await ecs.listTasks(cluster: "app-\(environment)")
        let task = try XCTUnwrap(tasks.first)
        _ = try await ecs.stopTask(cluster: "app-\(environment)", task: task, reason: "test")
    }
}

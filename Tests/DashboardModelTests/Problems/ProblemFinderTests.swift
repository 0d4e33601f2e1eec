@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

/// What counts as a problem, and how a cell says it.
final class ProblemFinderTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 10_000)

    func stopped(_ id: String, code: String?, reason: String?, exit: Int?, containerReason: String? = nil, at: Date? = nil) -> TaskSnapshot {
        TaskSnapshot(id: id, arn: "arn:task/\(id)", lastStatus: "STOPPED", desiredStatus: "STOPPED", health: "UNKNOWN", stoppedAt: at ?? now,
                     stoppedReason: reason, stopCode: code, taskDefinitionArn: "arn:td/web:1",
                     containers: [ContainerSnapshot(name: "web", image: nil, imageDigest: nil, lastStatus: "STOPPED", exitCode: exit, reason: containerReason, health: nil)])
    }

    func testWhichStopsAreCrashes() {
        XCTAssertEqual(ProblemFinder.crashReason(stopped("a", code: "EssentialContainerExited", reason: "Essential container in task exited", exit: 137,
                                                         containerReason: "OutOfMemoryError: Container killed due to memory usage")), "OOM")
        XCTAssertEqual(ProblemFinder.crashReason(stopped("b", code: "EssentialContainerExited", reason: "Essential container in task exited", exit: 3)), "exit 3")
        XCTAssertEqual(ProblemFinder.crashReason(stopped("c", code: "ServiceSchedulerInitiated", reason: "Task failed container health checks", exit: 1)), "health check")
        XCTAssertEqual(ProblemFinder.crashReason(stopped("d", code: "TaskFailedToStart", reason: "CannotPullContainerError: not found", exit: nil)), "failed to start")
        XCTAssertNil(ProblemFinder.crashReason(stopped("e", code: "ServiceSchedulerInitiated", reason: "Scaling activity initiated by (deployment ecs-svc/2)", exit: 0)),
                     "a task a deployment replaced did not crash")
        XCTAssertNil(ProblemFinder.crashReason(stopped("f", code: "UserInitiated", reason: "Task stopped by user", exit: 143)))
    }

    func testTheCellSaysTheWorstFirstWithItsAge() {
        func problem(_ kind: ServiceProblem.Kind, minutesAgo: Double, key: String) -> ServiceProblem {
            ServiceProblem(environment: "prod", service: "web", kind: kind, at: now.addingTimeInterval(-minutesAgo * 60), key: key, detail: "")
        }
        let oom = [problem(.crash(reason: "OOM"), minutesAgo: 7, key: "task a"), problem(.crash(reason: "OOM"), minutesAgo: 9, key: "task b")]
        XCTAssertEqual(ProblemSummary.text(oom, now: now), "2 crashes (OOM) 7m")
        XCTAssertEqual(ProblemSummary.text([problem(.crash(reason: "exit 3"), minutesAgo: 1, key: "task c")], now: now), "crash (exit 3) 1m")
        XCTAssertEqual(ProblemSummary.text(oom + [problem(.rolledBack, minutesAgo: 3, key: "deployment d")], now: now), "rolled back 3m")
        XCTAssertEqual(ProblemSummary.text([problem(.failed, minutesAgo: 12, key: "deployment e")], now: now), "failed 12m")
        XCTAssertEqual(ProblemSummary.text([problem(.stuck, minutesAgo: 14, key: "stuck f")], now: now), "stuck 14m")
        XCTAssertNil(ProblemSummary.text([], now: now))
        XCTAssertTrue(ProblemSummary.isError([problem(.rolledBack, minutesAgo: 1, key: "d")]))
        XCTAssertFalse(ProblemSummary.isError(oom))
    }

    func testAFailureFirstSeenBeforeTheRollbackBecomesARollbackAndKeepsItsTime() {
        var failing = ServiceSnapshot.fixture(name: "web", rollout: .failed)
        failing.deployments[0].updatedAt = now
        var log = ProblemLog()
        log.record(EnvironmentSnapshot(environment: "prod", account: "1", cluster: "c", fetchedAt: now, services: [failing], pipelines: [], errors: [], apiCalls: 1), now: now)
        XCTAssertEqual(log.problems("web", in: "prod", now: now).map(\.kind), [.failed])

        var rolledBack = failing
        rolledBack.deployments.insert(DeploymentSnapshot(id: "ecs-svc/0", status: "PRIMARY", taskDefinitionArn: "arn:td/web:0", desired: 2, running: 1, pending: 1,
                                                         failed: 0, rolloutState: .inProgress), at: 0)
        rolledBack.deployments[1].status = "ACTIVE"
        rolledBack.deployments[1].updatedAt = now.addingTimeInterval(5)
        let later = now.addingTimeInterval(30)
        log.record(EnvironmentSnapshot(environment: "prod", account: "1", cluster: "c", fetchedAt: later, services: [rolledBack], pipelines: [], errors: [], apiCalls: 1), now: later)
        let problems = log.problems("web", in: "prod", now: later)
        XCTAssertEqual(problems.map(\.kind), [.rolledBack])
        XCTAssertEqual(problems.first?.at, now, "the time it first failed")
    }
}

/// `!` walks the cursor through the cells with problems.
final class NextProblemTests: XCTestCase {
    func testBangJumpsToEachTroubledCellInReadingOrderAndWraps() {
        var state = UITestFleet.state()
        state.fleet = UITestFleet.troubledFleet()
        var visited: [String] = []
        for _ in 0..<4 {
            _ = Reducer.perform(.nextProblem, &state)
            visited.append("\(state.shownServices[state.row])/\(state.shownEnvironments[state.column])")
        }
        XCTAssertEqual(visited, ["frontend/uat", "worker/prod", "api/dev", "frontend/uat"],
                       "from api/dev (itself troubled) onwards, wrapping round")
    }

    func testWithNoProblemsItSaysSoAndStays() {
        var state = UITestFleet.state()
        _ = Reducer.perform(.nextProblem, &state)
        XCTAssertEqual(state.row, 0)
        XCTAssertEqual(state.column, 0)
        XCTAssertEqual(state.message?.text, "no problems in the last 1h")
    }
}

/// `S` orders the service view's live tasks; stopped ones stay after them, newest stop first.
final class TaskOrderTests: XCTestCase {
    func task(_ id: String, status: String = "RUNNING", health: String = "HEALTHY", startedMinutesAgo: Double, zone: String) -> TaskSnapshot {
        TaskSnapshot(id: id, arn: "arn:task/\(id)", lastStatus: status, desiredStatus: "RUNNING", health: health,
                     startedAt: UITestFleet.now.addingTimeInterval(-startedMinutesAgo * 60), availabilityZone: zone, taskDefinitionArn: "arn:td/web:1", containers: [])
    }

    func testEachOrder() {
        let tasks = [task("a", startedMinutesAgo: 30, zone: "eu-west-1b"), task("b", health: "UNHEALTHY", startedMinutesAgo: 5, zone: "eu-west-1c"),
                     task("c", status: "PENDING", health: "UNKNOWN", startedMinutesAgo: 1, zone: "eu-west-1a"), task("d", startedMinutesAgo: 10, zone: "eu-west-1a")]
        XCTAssertEqual(TaskOrder.listed.sorted(tasks).map(\.id), ["a", "b", "c", "d"])
        XCTAssertEqual(TaskOrder.started.sorted(tasks).map(\.id), ["c", "b", "d", "a"])
        XCTAssertEqual(TaskOrder.health.sorted(tasks).map(\.id), ["b", "c", "a", "d"])
        XCTAssertEqual(TaskOrder.zone.sorted(tasks).map(\.id), ["c", "d", "a", "b"])
        XCTAssertEqual(TaskOrder.zone.next, .listed)
    }

    func testShiftSCyclesInTheServiceView() {
        var state = UITestFleet.state()
        state.panes.append(.service(environment: "dev", service: "api"))
        _ = Reducer.perform(.sortTasks, &state)
        XCTAssertEqual(state.taskOrder, .started)
        XCTAssertEqual(state.message?.text, "tasks ordered: started")
    }
}

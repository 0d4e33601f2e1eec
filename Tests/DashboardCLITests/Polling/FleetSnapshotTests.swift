@testable import DashboardCLI
@testable import DashboardEngine
@testable import DashboardModel
@testable import DashboardViews
import Foundation
import TestSupport
import XCTest

final class FleetSnapshotTests: XCTestCase {
    func fleet(devDigest: String, uatDigest: String, running: [String]) -> FleetSnapshot {
        var fleet = FleetSnapshot(environmentNames: ["dev", "uat"])
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        for (name, digests) in [("dev", running), ("uat", [])] {
            let service = ServiceSnapshot.fixture(name: "web", image: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-web:\(name)", digests: digests)
            fleet.apply(.environmentFetched(EnvironmentSnapshot(environment: name, account: "2", cluster: "c", fetchedAt: now,
                                                                services: [service], pipelines: [], errors: [], apiCalls: 1)))
        }
        fleet.apply(.registryFetched(RegistrySnapshot(fetchedAt: now, repositories: [
            "myapp-web": .init(digestsByTag: ["dev": devDigest, "uat": uatDigest], tagsByDigest: [:], pushedAtByDigest: [:]),
        ], errors: [], apiCalls: 1)))
        return fleet
    }

    func testDriftAndNeighbours() {
        let same = fleet(devDigest: "sha256:aa", uatDigest: "sha256:aa", running: ["sha256:aa"])
        XCTAssertEqual(same.tagDigest("web", in: "dev"), "sha256:aa")
        XCTAssertEqual(same.drift("web", in: "dev"), false)
        XCTAssertEqual(same.differsFromNext("web", in: "dev"), false)
        XCTAssertNil(same.differsFromNext("web", in: "uat"), "the last environment has no next")
        XCTAssertNil(same.drift("web", in: "uat"), "no running digests: unknown, not false")

        let drifted = fleet(devDigest: "sha256:bb", uatDigest: "sha256:aa", running: ["sha256:aa"])
        XCTAssertEqual(drifted.drift("web", in: "dev"), true)
        XCTAssertEqual(drifted.differsFromNext("web", in: "dev"), true)
        XCTAssertEqual(drifted.differsFromPrevious("web", in: "uat"), true)
    }

    func testAFailedPollKeepsTheLastGoodSnapshotAndMarksItStale() {
        var fleet = fleet(devDigest: "sha256:aa", uatDigest: "sha256:aa", running: [])
        let error = FetchError(operation: "ECS ListServices", code: "AccessDeniedException", message: "no", at: Date(), kind: "accessDenied")
        fleet.apply(.environmentFailed(environment: "dev", error: error))
        let dev = fleet.state("dev")!
        XCTAssertNotNil(dev.snapshot)
        XCTAssertEqual(dev.error, error)
        XCTAssertTrue(dev.isStale(now: Date(timeIntervalSince1970: 1_790_000_005), refresh: 10))
        XCTAssertFalse(fleet.state("uat")!.isStale(now: Date(timeIntervalSince1970: 1_790_000_005), refresh: 10))
        XCTAssertTrue(fleet.state("uat")!.isStale(now: Date(timeIntervalSince1970: 1_790_000_031), refresh: 10), "older than 3 intervals")
    }

    func testImageReferenceParsing() {
        let ecr = ImageReference.parse("111111111111.dkr.ecr.eu-west-1.amazonaws.com/myapp-frontend:uat")
        XCTAssertEqual(ecr.repository, "myapp-frontend")
        XCTAssertEqual(ecr.tag, "uat")
        XCTAssertEqual(ecr.registryAccount, "111111111111")
        let pinned = ImageReference.parse("111111111111.dkr.ecr.eu-west-1.amazonaws.com/team/api@sha256:abc")
        XCTAssertEqual(pinned.repository, "team/api")
        XCTAssertNil(pinned.tag)
        XCTAssertEqual(pinned.pinnedDigest, "sha256:abc")
        XCTAssertEqual(ImageReference.parse("nginx").tag, "latest")
        XCTAssertEqual(ImageReference.parse("localhost:5000/app:1").registry, "localhost:5000")
    }

    func testStatusTableCell() {
        let drifted = fleet(devDigest: "sha256:bb12345678", uatDigest: "sha256:aa", running: ["sha256:aa"])
        XCTAssertEqual(StatusTable.cell("web", in: "dev", fleet: drifted), "dev→bb12345 2/2 ok ≠", "dev is first: nothing before it to differ from")
        XCTAssertEqual(StatusTable.cell("web", in: "uat", fleet: drifted), "uat→aa 2/2 ok ◆", "uat's image differs from dev's, as the dashboard marks it")
        XCTAssertEqual(StatusTable.cell("nope", in: "dev", fleet: drifted), "-")
    }

    /// A registry read that fails for a repository keeps the digests it had, marked stale, and says why.
    func testARegistryFailureKeepsTheLastDigestsAsStale() {
        var fleet = fleet(devDigest: "sha256:aa", uatDigest: "sha256:bb", running: ["sha256:aa"])
        let later = Date(timeIntervalSince1970: 1_790_000_060)
        let failure = FetchError(operation: "ECR BatchGetImage myapp-web", code: "ThrottlingException", message: "Rate exceeded", at: later, kind: "throttling")
        fleet.apply(.registryFetched(RegistrySnapshot(fetchedAt: later, repositories: [:], errors: [failure], apiCalls: 1, failedRepositories: ["myapp-web"])))
        XCTAssertEqual(fleet.tagDigest("web", in: "dev"), "sha256:aa", "the last good digest stays on screen")
        XCTAssertTrue(fleet.tagDigestIsStale("web", in: "dev"))
        XCTAssertEqual(fleet.registry?.errors, [failure])
        let cell = MatrixCell.build(service: "web", environment: "dev", fleet: fleet, symbols: .unicode, frame: 0, now: fleet.state("dev")?.snapshot?.fetchedAt ?? Date(), refresh: 10)
        XCTAssertTrue(cell.image.hasSuffix("⧖"), cell.image)

        // A second failure keeps the time of the last good read; a success clears the mark.
        fleet.apply(.registryFetched(RegistrySnapshot(fetchedAt: later.addingTimeInterval(60), repositories: [:], errors: [failure], apiCalls: 1,
                                                      failedRepositories: ["myapp-web"])))
        XCTAssertEqual(fleet.registry?.staleSince["myapp-web"], Date(timeIntervalSince1970: 1_790_000_000))
        fleet.apply(.registryFetched(RegistrySnapshot(fetchedAt: later.addingTimeInterval(120), repositories: [
            "myapp-web": .init(digestsByTag: ["dev": "sha256:cc"], tagsByDigest: [:], pushedAtByDigest: [:]),
        ], errors: [], apiCalls: 1)))
        XCTAssertFalse(fleet.tagDigestIsStale("web", in: "dev"))
        XCTAssertEqual(fleet.tagDigest("web", in: "dev"), "sha256:cc")
    }

    /// docs/status-json.md promises every key, with `null` for unknown: a healthy environment has `"error": null`.
    func testStatusJSONWritesNullsItDocuments() throws {
        let document = StatusDocument(fleet(devDigest: "sha256:aa", uatDigest: "sha256:bb", running: []), now: Date(timeIntervalSince1970: 1_790_000_001), refresh: 10)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(document.json().utf8)) as? [String: Any])
        let environments = try XCTUnwrap(object["environments"] as? [[String: Any]])
        XCTAssertTrue(environments.allSatisfy { $0.keys.contains("error") && $0["error"] is NSNull }, "\(environments)")
        let uat = try XCTUnwrap((environments.last?["services"] as? [[String: Any]])?.first)
        XCTAssertTrue(uat["differs_from_next"] is NSNull, "the last environment has no next: null, not missing")
        XCTAssertTrue(uat["drift"] is NSNull)
    }
}

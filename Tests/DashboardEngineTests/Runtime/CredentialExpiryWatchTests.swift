import AWSClient
@testable import DashboardEngine
@testable import DashboardModel
import Foundation
import TestSupport
import XCTest

final class CredentialExpiryWatchTests: XCTestCase {
    private let clock = ManualClock(now: Date(timeIntervalSince1970: 1_750_000_000))

    private func expiry(_ event: AppEvent?) -> Date?? {
        guard case .credentialsChecked(_, let expiresAt, _)? = event else { return nil }
        return .some(expiresAt)
    }

    func testKeysNothingCanRenewReportTheirOwnExpiry() async {
        let ending = clock.now().addingTimeInterval(600)
        let keys = StaticCredentialProvider(Credentials(accessKeyId: "ASIAEXAMPLE00000001", secretAccessKey: "s", sessionToken: "t", expiration: ending))
        let event = await CredentialExpiryWatch(clock: clock).check("dev", credentials: keys)
        XCTAssertEqual(expiry(event), .some(ending))
    }

    func testKeysARoleRenewsAreRenewedBeforeTheWarningMargin() async throws {
        let source = HourLongSessions(clock: clock)
        let cache = CachingCredentialProvider(source, clock: clock)
        _ = try await cache.credentials()
        clock.advance(by: 50 * 60)  // ten minutes left: inside the warning margin, outside the cache's own
        let event = await CredentialExpiryWatch(clock: clock).check("dev", credentials: cache)
        XCTAssertEqual(expiry(event), .some(clock.now().addingTimeInterval(3600)), "renewed, so nothing to warn about")
        XCTAssertEqual(source.calls, 2)
    }

    func testNoKeysAtAllReportNothing() async {
        let event = await CredentialExpiryWatch(clock: clock).check("dev", credentials: CredentialChain([]))
        XCTAssertNil(event)
    }
}

/// Hands out a new hour-long session on every call.
private final class HourLongSessions: CredentialProvider, @unchecked Sendable {
    private let lock = NSLock()
    private let clock: ManualClock
    private var count = 0

    init(clock: ManualClock) { self.clock = clock }

    var calls: Int { lock.withLock { count } }

    func credentials() async throws -> Credentials {
        let number = lock.withLock { () -> Int in
            count += 1
            return count
        }
        return Credentials(accessKeyId: "ASIASESSION\(number)", secretAccessKey: "s", sessionToken: "t", expiration: clock.now().addingTimeInterval(3600))
    }
}

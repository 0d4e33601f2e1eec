@testable import AWSClient
import Foundation
import TestSupport
import XCTest

final class RateLimiterTests: XCTestCase {
    func testBurstThenSteadyRate() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        let limiter = RateLimiter(ratePerSecond: 10, clock: clock)
        let start = clock.now()
        for _ in 0..<25 { try await limiter.acquire() }
        // 10 go at once from the full bucket; the other 15 wait 0.1 s each.
        XCTAssertEqual(clock.now().timeIntervalSince(start), 1.5, accuracy: 1e-6)
    }

    func testConcurrentCallersQueueInsteadOfAllWaking() async throws {
        let clock = ManualClock()
        let limiter = RateLimiter(ratePerSecond: 2, burst: 1, clock: clock)
        try await limiter.acquire()
        let waiters = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 { group.addTask { try await limiter.acquire() } }
                try await group.waitForAll()
            }
        }
        await clock.waitForSleepers(3)
        XCTAssertEqual(clock.sleeperCount, 3)
        clock.advance(by: 0.5)
        await clock.waitForSleepers(2)
        XCTAssertEqual(clock.sleeperCount, 2, "only the first in line may go after one token's time")
        clock.advance(by: 1.0)
        try await waiters.value
    }

    func testRegistrySharesOneLimiterPerAccount() {
        let registry = RateLimiterRegistry()
        XCTAssertTrue(registry.limiter(forAccount: "111111111111") === registry.limiter(forAccount: "111111111111"))
        XCTAssertFalse(registry.limiter(forAccount: "111111111111") === registry.limiter(forAccount: "222222222222"))
    }
}

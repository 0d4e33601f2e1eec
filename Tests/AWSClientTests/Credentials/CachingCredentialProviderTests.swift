@testable import AWSClient
import TestSupport
import XCTest

final class CachingCredentialProviderTests: XCTestCase {
    private let start = Date(timeIntervalSince1970: 1_700_000_000)

    func testServesCachedCredentialsUntilTheRefreshWindow() async throws {
        let clock = ManualClock(now: start)
        let source = GatedProvider(clock: clock, lifetime: 3600)
        let cache = CachingCredentialProvider(source, clock: clock, refreshMargin: 300)

        let first = try await cache.credentials()
        clock.advance(by: 3000)
        let second = try await cache.credentials()
        XCTAssertEqual(first, second)
        XCTAssertEqual(source.calls, 1)
    }

    func testRefreshBeforeExpiryRunsOnceInTheBackgroundForConcurrentCallers() async throws {
        let clock = ManualClock(now: start)
        let source = GatedProvider(clock: clock, lifetime: 3600)
        let cache = CachingCredentialProvider(source, clock: clock, refreshMargin: 300)
        let original = try await cache.credentials()
        XCTAssertEqual(original.accessKeyId, "KEY-1")

        source.holdNextCall()
        clock.advance(by: 3400)  // inside the 5-minute window, not yet expired
        let served = try await withThrowingTaskGroup(of: Credentials.self) { group in
            for _ in 0..<10 { group.addTask { try await cache.credentials() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(served.count, 10)
        XCTAssertTrue(served.allSatisfy { $0 == original }, "callers keep the current keys while the refresh runs")
        await source.waitForHeldCall()
        XCTAssertEqual(source.calls, 2, "exactly one background refresh")

        source.release()
        let refreshed = try await eventually { try await cache.credentials() } until: { $0.accessKeyId == "KEY-2" }
        XCTAssertEqual(refreshed.accessKeyId, "KEY-2")
        XCTAssertEqual(source.calls, 2)
    }

    /// A caller that needs the keys to last (the dashboard's 15-minute warning) gets them renewed early; when renewing
    /// fails, the current keys come back while they work, and the source is not asked again before the retry delay.
    func testValidForRenewsEarlyAndKeepsWorkingKeysWhenRenewalFails() async throws {
        let clock = ManualClock(now: start)
        let source = GatedProvider(clock: clock, lifetime: 3600)
        let cache = CachingCredentialProvider(source, clock: clock, refreshMargin: 300, backgroundRetryDelay: 30)
        _ = try await cache.credentials()
        clock.advance(by: 3000)  // ten minutes left: outside the usual margin, inside the fifteen asked for
        let renewed = try await cache.credentials(validFor: 900)
        XCTAssertEqual(renewed.accessKeyId, "KEY-2")
        let plain = try await cache.credentials()
        XCTAssertEqual(plain.accessKeyId, "KEY-2", "everyone signs with the renewed keys")

        clock.advance(by: 3000)
        source.failNextCall()
        let kept = try await cache.credentials(validFor: 900)
        XCTAssertEqual(kept.accessKeyId, "KEY-2", "renewing failed; the keys still work for ten minutes")
        _ = try await cache.credentials(validFor: 900)
        XCTAssertEqual(source.calls, 3, "no second try within the retry delay")
        clock.advance(by: 30)
        let later = try await cache.credentials(validFor: 900)
        XCTAssertEqual(later.accessKeyId, "KEY-4")
    }

    /// Keys that are short however often they are renewed come back as they are, without a renewal on every call.
    func testValidForLongerThanTheSourceGivesReturnsWhatItHas() async throws {
        let clock = ManualClock(now: start)
        let source = GatedProvider(clock: clock, lifetime: 600)
        let cache = CachingCredentialProvider(source, clock: clock, refreshMargin: 300, backgroundRetryDelay: 30)
        let short = try await cache.credentials(validFor: 900)
        XCTAssertEqual(short.expiration, start.addingTimeInterval(600))
        _ = try await cache.credentials(validFor: 900)
        _ = try await cache.credentials(validFor: 900)
        XCTAssertLessThanOrEqual(source.calls, 2)
    }

    func testExpiredCredentialsMakeCallersWaitForOneRefresh() async throws {
        let clock = ManualClock(now: start)
        let source = GatedProvider(clock: clock, lifetime: 3600)
        let cache = CachingCredentialProvider(source, clock: clock, refreshMargin: 300)
        _ = try await cache.credentials()

        source.holdNextCall()
        clock.advance(by: 3600)
        let callers = Task {
            try await withThrowingTaskGroup(of: Credentials.self) { group in
                for _ in 0..<10 { group.addTask { try await cache.credentials() } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        await source.waitForHeldCall()
        source.release()
        let served = try await callers.value
        XCTAssertEqual(served.count, 10)
        XCTAssertTrue(served.allSatisfy { $0.accessKeyId == "KEY-2" }, "no caller gets expired keys")
        XCTAssertEqual(source.calls, 2)
    }

    func testFailedRefreshOfExpiredCredentialsThrowsAndTheNextCallRetries() async throws {
        let clock = ManualClock(now: start)
        let source = GatedProvider(clock: clock, lifetime: 60)
        let cache = CachingCredentialProvider(source, clock: clock, refreshMargin: 10)
        _ = try await cache.credentials()
        clock.advance(by: 61)
        source.failNextCall()
        do {
            _ = try await cache.credentials()
            XCTFail("expected the refresh error")
        } catch let error as CredentialError {
            XCTAssertEqual(error.message, "refresh failed")
        }
        let retried = try await cache.credentials()
        XCTAssertEqual(retried.accessKeyId, "KEY-3")
    }

    func testCredentialsWithoutExpiryAreFetchedOnceUntilInvalidated() async throws {
        let clock = ManualClock(now: start)
        let source = GatedProvider(clock: clock, lifetime: nil)
        let cache = CachingCredentialProvider(source, clock: clock)
        _ = try await cache.credentials()
        clock.advance(by: 1_000_000)
        _ = try await cache.credentials()
        XCTAssertEqual(source.calls, 1)
        await cache.invalidate()
        _ = try await cache.credentials()
        XCTAssertEqual(source.calls, 2)
    }

    /// Polls on real time until `condition` holds; background work lands asynchronously, late on a loaded machine,
    /// so the limit only bounds a hang.
    private func eventually<T>(_ body: () async throws -> T, until condition: (T) -> Bool) async throws -> T {
        var value = try await body()
        let deadline = Date().addingTimeInterval(60)
        while !condition(value), Date() < deadline {
            try await Task.sleep(nanoseconds: 2_000_000)
            value = try await body()
        }
        return value
    }
}

/// Counts calls and hands out `KEY-<n>`; a call can be held until released or made to fail.
private final class GatedProvider: CredentialProvider, @unchecked Sendable {
    private let lock = NSLock()
    private let clock: ManualClock
    private let lifetime: TimeInterval?
    private var count = 0
    private var holdNext = false
    private var failNext = false
    private var held: CheckedContinuation<Void, Never>?
    private var heldArrived = false
    private var released = false

    init(clock: ManualClock, lifetime: TimeInterval?) {
        self.clock = clock
        self.lifetime = lifetime
    }

    var calls: Int { lock.withLock { count } }

    func holdNextCall() { lock.withLock { holdNext = true; released = false; heldArrived = false } }

    func failNextCall() { lock.withLock { failNext = true } }

    func release() {
        let waiter = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            released = true
            defer { held = nil }
            return held
        }
        waiter?.resume()
    }

    func waitForHeldCall() async {
        let deadline = Date().addingTimeInterval(60)
        while !lock.withLock({ heldArrived }), Date() < deadline {
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
    }

    func credentials() async throws -> Credentials {
        let (number, hold, fail) = lock.withLock { () -> (Int, Bool, Bool) in
            count += 1
            defer { holdNext = false; failNext = false }
            return (count, holdNext, failNext)
        }
        if hold {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = lock.withLock { () -> Bool in
                    heldArrived = true
                    if released { return true }
                    held = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
        if fail { throw CredentialError.failed("gated", "refresh failed") }
        return Credentials(
            accessKeyId: "KEY-\(number)",
            secretAccessKey: "secret",
            expiration: lifetime.map { clock.now().addingTimeInterval($0) }
        )
    }
}

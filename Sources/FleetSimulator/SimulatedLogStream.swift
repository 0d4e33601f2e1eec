/// One task's CloudWatch log stream; its lines are a pure function of the stream and the time, so none are stored.
package struct SimulatedLogStream: Sendable {
    /// How the stream's task ended, which decides its last line.
    package enum Ending: Sendable {
        case running, drained, crashed, failedHealthChecks
    }

    package var name: String
    package var taskId: String
    package var service: String
    package var image: String
    package var digest: String
    package var startedAt: Double
    package var endedAt: Double?
    package var ending: Ending = .running
    package var isBadBuild: Bool

    /// Seconds between request log lines: a few lines every 10 s.
    package static let interval = 2.5

    /// The most a request line's timestamp trails its slot; a line is only visible once that has passed,
    /// so no line is ever stamped later than the moment it is read.
    package static let jitter = 1.5

    /// How many lines the stream holds at `now`.
    package func count(at now: Double) -> Int {
        let end = min(now, endedAt ?? now)
        guard end >= startedAt + 0.1 else { return 0 }
        if end < startedAt + 1 + Self.jitter { return end >= startedAt + 0.5 ? 2 : 1 }
        let regular = Int(((end - startedAt - 1 - Self.jitter) / Self.interval).rounded(.down)) + 1
        let closing = endedAt != nil && now >= endedAt! ? 1 : 0
        return 2 + regular + closing
    }

    /// The time of line `index`; strictly increasing, so time ranges become index ranges by binary search.
    package func timestamp(_ index: Int, at now: Double) -> Double {
        switch index {
        case 0: return startedAt + 0.1
        case 1: return startedAt + 0.5
        default:
            if let endedAt, index == count(at: now) - 1, now >= endedAt { return endedAt }
            let jitter = SimulatedRandom.unit(SimulatedRandom.hash(UInt64(index), taskId)) * Self.jitter
            return startedAt + 1 + Double(index - 2) * Self.interval + jitter
        }
    }

    /// The text of line `index`: a startup banner, request logs with the odd warning or error, and a last word.
    package func message(_ index: Int, at now: Double) -> String {
        let short = String(digest.dropFirst("sha256:".count).prefix(12))
        switch index {
        case 0: return "INFO  starting \(service) (\(image), digest \(short))"
        case 1: return "INFO  listening on :8080"
        default: break
        }
        if let endedAt, index == count(at: now) - 1, now >= endedAt {
            switch ending {
            case .crashed: return "FATAL java.lang.OutOfMemoryError: Java heap space"
            case .failedHealthChecks: return "ERROR health check failed: GET /health returned 500, shutting down"
            case .drained, .running: return "INFO  received SIGTERM, draining connections and shutting down"
            }
        }
        let hash = SimulatedRandom.hash(UInt64(index), taskId, "line")
        if isBadBuild {
            return "ERROR GET /health 500 \(3 + hash % 20)ms: configuration key PAYMENTS_API_URL is missing"
        }
        switch hash % 40 {
        case 0: return "ERROR upstream \(Self.upstreams[Int(hash >> 8) % Self.upstreams.count]) timed out after 5000ms"
        case 1, 2: return "WARN  slow query on \(Self.tables[Int(hash >> 8) % Self.tables.count]) took \(800 + hash % 2000)ms"
        default:
            let path = Self.paths[Int(hash >> 8) % Self.paths.count]
            let status = hash % 17 == 0 ? 404 : (hash % 23 == 0 ? 302 : 200)
            return "INFO  \(hash % 5 == 0 ? "POST" : "GET") \(path) \(status) \(2 + (hash >> 20) % 180)ms"
        }
    }

    private static let paths = ["/api/orders", "/api/orders/1042", "/api/cart", "/health", "/api/users/me", "/api/search?q=shoes", "/static/app.js", "/api/payments/intent"]
    private static let tables = ["orders", "payments", "users", "inventory"]
    private static let upstreams = ["payments-gateway", "search-cluster", "auth-service"]

    /// The first index whose timestamp is at or after `time` (or `count` when none is).
    package func firstIndex(atOrAfter time: Double, count: Int, at now: Double) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if timestamp(middle, at: now) < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

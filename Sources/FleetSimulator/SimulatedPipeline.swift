/// One CodePipeline pipeline: an execution every few minutes (a pure function of time) plus those
/// started by StartPipelineExecution, each moving through Source → Build → Test → Deploy.
package struct SimulatedPipeline: Sendable {
    /// One execution: when it started, what started it, and the stage it fails in, if any.
    package struct Run: Sendable {
        package var id: String
        package var startedAt: Double
        package var triggerType: String
        package var triggerDetail: String
        package var failsAtStage: Int?
        package var revision: String
        package var summary: String
        /// The idempotency token StartPipelineExecution was called with.
        package var clientRequestToken: String?
    }

    /// The stages and how long each takes, in seconds.
    package static let stages: [(name: String, action: String, seconds: Double)] = [
        ("Source", "Source", 8), ("Build", "Build", 95), ("Test", "IntegrationTests", 60), ("Deploy", "DeployECS", 40),
    ]
    private static let commits = [
        "Merge pull request #%d from feature/checkout-retry", "Bump base image to debian 12.7", "Fix flaky search pagination test",
        "Merge pull request #%d from fix/session-timeout", "Add payment intent idempotency keys", "Tune JVM heap for worker",
    ]

    package let name: String
    package let place: SimulatedPlace
    package let created: Double
    /// Seconds between automatic executions.
    package let period: Double
    /// When automatic execution 0 started.
    package let anchor: Double
    package var manualRuns: [Run] = []

    package var arn: String { "arn:aws:codepipeline:\(place.region):\(place.account):\(name)" }

    /// Automatic execution `k`: started by an image push event; about one in five fails its build or tests.
    package func automaticRun(_ k: Int) -> Run {
        let hash = SimulatedRandom.hash(place.seed, name, "run", String(k))
        let failsAt: Int? = switch hash % 10 {
        case 0: 2
        case 1: 1
        default: nil
        }
        return Run(id: SimulatedRandom.uuid(hash), startedAt: anchor + Double(k) * period, triggerType: "CloudWatchEvent",
                   triggerDetail: "arn:aws:events:\(place.region):\(place.account):rule/\(name)-source", failsAtStage: failsAt,
                   revision: SimulatedRandom.hex(SimulatedRandom.mix(hash), count: 7),
                   summary: Self.commits[Int(hash >> 16) % Self.commits.count].replacingOccurrences(of: "%d", with: String(100 + k % 900)))
    }

    /// A run started now by StartPipelineExecution.
    package func manualRun(at time: Double, by principal: String) -> Run {
        let hash = SimulatedRandom.hash(place.seed, name, "manual", String(manualRuns.count), String(time))
        return Run(id: SimulatedRandom.uuid(hash), startedAt: time, triggerType: "StartPipelineExecution", triggerDetail: principal,
                   failsAtStage: nil, revision: SimulatedRandom.hex(SimulatedRandom.mix(hash), count: 7), summary: "Manual release")
    }

    /// The newest `limit` executions started by `now`, newest first.
    package func runs(at now: Double, limit: Int) -> [Run] {
        var result = manualRuns.filter { $0.startedAt <= now }
        if now >= anchor {
            let newest = Int(((now - anchor) / period).rounded(.down))
            for k in stride(from: newest, through: max(0, newest - limit + 1), by: -1) { result.append(automaticRun(k)) }
        }
        return Array(result.sorted { $0.startedAt > $1.startedAt }.prefix(limit))
    }

    /// When stage `index` of a run starts.
    package static func stageStart(_ run: Run, _ index: Int) -> Double {
        run.startedAt + stages.prefix(index).reduce(0) { $0 + $1.seconds }
    }

    /// A stage's status at `now` (nil before it starts or when an earlier stage failed) and when it last changed.
    package static func stageStatus(_ run: Run, _ index: Int, at now: Double) -> (status: String, changedAt: Double)? {
        if let failed = run.failsAtStage, index > failed { return nil }
        let start = stageStart(run, index)
        guard now >= start else { return nil }
        let end = start + stages[index].seconds
        if now < end { return ("InProgress", start) }
        return (run.failsAtStage == index ? "Failed" : "Succeeded", end)
    }

    /// A run's overall status at `now` and when it last changed.
    package static func status(_ run: Run, at now: Double) -> (status: String, changedAt: Double) {
        if let failed = run.failsAtStage, let stage = stageStatus(run, failed, at: now), stage.status == "Failed" { return stage }
        if let last = stageStatus(run, stages.count - 1, at: now), last.status == "Succeeded" { return last }
        let latest = stages.indices.reversed().lazy.compactMap { stageStatus(run, $0, at: now) }.first
        return ("InProgress", latest?.changedAt ?? run.startedAt)
    }
}

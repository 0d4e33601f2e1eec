/// Which build each tag of a service's repository points at: prod oldest, dev newest, some services fully
/// promoted (uat == prod), `<env>-previous` for some, and a bad build for the service that shows the circuit breaker.
package struct SimulatedTagPlan: Sendable, Equatable {
    /// How many builds each repository holds.
    package static let buildCount = 8

    /// tag → build index (0 oldest … buildCount-1 newest).
    package var tags: [String: Int]
    /// The build index whose manifest is bad, if any.
    package var badBuild: Int?
    /// Per environment, the build its tasks actually run when that differs from its tag (a rolled-back bad build).
    package var runningOverride: [String: Int] = [:]

    /// The service that carries a bad build in uat: `payments`, or the last one in a small fleet.
    package static func badServiceIndex(serviceCount: Int) -> Int {
        min(3, serviceCount - 1)
    }

    package static func make(serviceIndex: Int, serviceCount: Int, seed: UInt64) -> SimulatedTagPlan {
        let last = buildCount - 1
        if serviceIndex == badServiceIndex(serviceCount: serviceCount) {
            // uat was given the bad build; ECS rolled it back, so uat runs build 4 while its tag says build 5.
            return SimulatedTagPlan(tags: ["dev": last, "sit": last - 1, "uat": last - 2, "prod": last - 3, "prod-previous": last - 4,
                                           "uat-previous": last - 3],
                                    badBuild: last - 2, runningOverride: ["uat": last - 3])
        }
        var random = SimulatedRandom(seed: SimulatedRandom.hash(seed, "tags", String(serviceIndex)))
        let dev = random.next() % 4 == 0 ? last - 1 : last
        let sit = dev - Int(random.next() % 2)
        let uat = sit - Int(random.next() % 2)
        // frontend always has something to promote; backend is fully promoted; the rest vary.
        let fullyPromoted = serviceIndex == 1 || (serviceIndex != 0 && random.next() % 3 == 0)
        let prod = fullyPromoted ? uat : uat - 1 - Int(random.next() % 2)
        var tags = ["dev": dev, "sit": sit, "uat": uat, "prod": prod]
        if serviceIndex == 0 || random.next() % 2 == 0 { tags["prod-previous"] = prod - 1 }
        if random.next() % 3 == 0 { tags["uat-previous"] = uat - 1 }
        return SimulatedTagPlan(tags: tags, badBuild: nil)
    }
}

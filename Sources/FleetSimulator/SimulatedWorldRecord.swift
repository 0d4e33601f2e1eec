/// Everything needed to rebuild a simulated world exactly: how it was built (seed, size, start time) and the
/// changes made to it since, in the order they were made. Small, and the same on every platform.
package struct SimulatedWorldRecord: Codable, Equatable, Sendable {
    /// The format this version writes and reads; a larger one comes from a newer ecsdash.
    package static let currentFormat = 1

    package var format: Int
    /// When the world was built, in epoch seconds: the moment its history was generated up to.
    package var origin: Double
    package var seed: UInt64
    package var servicesPerEnvironment: Int
    package var tasksPerService: Int
    /// Oldest first.
    package var changes: [SimulatedChange]

    package init(format: Int = SimulatedWorldRecord.currentFormat, origin: Double, seed: UInt64, servicesPerEnvironment: Int, tasksPerService: Int,
                 changes: [SimulatedChange] = []) {
        self.format = format
        self.origin = origin
        self.seed = seed
        self.servicesPerEnvironment = servicesPerEnvironment
        self.tasksPerService = tasksPerService
        self.changes = changes
    }

    /// Whether `other` is this world with (possibly) more changes on top: the same build and this record's changes first.
    package func isPrefix(of other: SimulatedWorldRecord) -> Bool {
        origin == other.origin && seed == other.seed && servicesPerEnvironment == other.servicesPerEnvironment
            && tasksPerService == other.tasksPerService && other.changes.starts(with: changes)
    }

    /// Two change lists as one history in time order; on equal times `first`'s come first. Replaying needs time order,
    /// because the simulator moves each account forward only.
    package static func merged(_ first: [SimulatedChange], _ second: [SimulatedChange]) -> [SimulatedChange] {
        var result: [SimulatedChange] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i].at <= second[j].at) {
                result.append(first[i])
                i += 1
            } else {
                result.append(second[j])
                j += 1
            }
        }
        return result
    }
}

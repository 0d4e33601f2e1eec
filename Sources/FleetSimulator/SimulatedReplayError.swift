/// A saved world that cannot be rebuilt: one of its changes fails (or is out of time order) when replayed.
package struct SimulatedReplayError: Error, Equatable, CustomStringConvertible {
    /// 1-based, as people count.
    package let change: Int
    package let name: String
    package let reason: String

    package var description: String { "change \(change) (\(name)) does not replay: \(reason)" }
}

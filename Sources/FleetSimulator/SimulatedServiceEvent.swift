/// One line of a service's event log, worded as ECS words it.
package struct SimulatedServiceEvent: Sendable {
    package var id: String
    package var createdAt: Double
    package var message: String

    package var json: SimulatedJSON {
        .fields(["id": .string(id), "createdAt": SimulatedJSON.seconds(createdAt), "message": .string(message)])
    }
}

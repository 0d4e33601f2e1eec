/// One line of a service's event log, worded as ECS words it.
struct SimulatedServiceEvent: Sendable {
    var id: String
    var createdAt: Double
    var message: String

    var json: SimulatedJSON {
        .fields(["id": .string(id), "createdAt": SimulatedJSON.seconds(createdAt), "message": .string(message)])
    }
}

import AWSClient
import FleetSimulator
import Foundation

/// The `--demo` fleet that lives on between commands: loaded from its store (or started afresh), and saved back
/// after commands change it, merged with whatever another ecsdash saved meanwhile.
package final class DemoWorld: @unchecked Sendable {
    package static let defaultServices = 5
    package static let defaultTasks = 2

    package let store: DemoWorldStore
    package let fleet: SimulatedFleet
    /// What to tell the user once the world is open: started afresh, or working on a copy that will not be saved.
    package let notices: [String]
    private let lock = NSLock()
    /// The store's content as this process last read or wrote it; nil when this process must not save (a copy).
    private var saved: SimulatedWorldRecord?
    /// How many of the fleet's changes are in the store already.
    private var savedChanges: Int

    private init(store: DemoWorldStore, fleet: SimulatedFleet, saved: SimulatedWorldRecord?, notices: [String]) {
        self.store = store
        self.fleet = fleet
        self.saved = saved
        savedChanges = fleet.record().changes.count
        self.notices = notices
    }

    /// The saved world, or a new one saved at once (so the next command finds the same world). `services` and
    /// `tasks` are what the user asked for, nil when not given: given and unlike the saved world's, that is an
    /// error, since quietly dropping the saved promotions would surprise more than a message does.
    /// `lockWait` bounds the wait for another process's save (which takes milliseconds) before working on a copy.
    package static func open(store: DemoWorldStore, services: Int?, tasks: Int?, reset: Bool,
                             clock: any AWSClock = SystemClock(), lockWait: Double = 5) throws(DemoWorldError) -> DemoWorld {
        do {
            return try store.withLock(waiting: lockWait) { () throws -> DemoWorld in
                if reset { try store.delete() }
                if let record = try store.read() {
                    return DemoWorld(store: store, fleet: try restore(record, store: store, services: services, tasks: tasks, clock: clock),
                                     saved: record, notices: [])
                }
                let fleet = SimulatedFleet(clock: clock, servicesPerEnvironment: services ?? defaultServices, tasksPerService: tasks ?? defaultTasks)
                let record = fleet.record()
                do {
                    try store.write(record)
                } catch {
                    return DemoWorld(store: store, fleet: fleet, saved: nil, notices: ["\(error); this command works on a demo world of its own"])
                }
                return DemoWorld(store: store, fleet: fleet, saved: record, notices: ["started a new demo world, kept in \(store.path) (--demo-reset starts another)"])
            }
        } catch let error as DemoWorldError where error.kind == .storage {
            // Locked, or no directory to lock in: read what is there (renamed into place, so whole) and leave it alone.
            let record = reset ? nil : try store.read()
            let fleet = try record.map { record throws(DemoWorldError) in try restore(record, store: store, services: services, tasks: tasks, clock: clock) }
                ?? SimulatedFleet(clock: clock, servicesPerEnvironment: services ?? defaultServices, tasksPerService: tasks ?? defaultTasks)
            return DemoWorld(store: store, fleet: fleet, saved: nil, notices: ["\(error); this command works on its own copy of the demo world and will not save it"])
        } catch let error as DemoWorldError {
            throw error
        } catch {
            throw DemoWorldError("\(error)")
        }
    }

    private static func restore(_ record: SimulatedWorldRecord, store: DemoWorldStore, services: Int?, tasks: Int?,
                                clock: any AWSClock) throws(DemoWorldError) -> SimulatedFleet {
        if let problem = mismatch(record, services: services, tasks: tasks) { throw DemoWorldError(problem(store.path), kind: .mismatch) }
        do {
            return try SimulatedFleet(clock: clock, restoring: record)
        } catch {
            throw .unusable(store.path, "cannot be rebuilt: \(error)")
        }
    }

    /// The complaint when the user asked for a different size than the saved world has, as a function of its path.
    package static func mismatch(_ record: SimulatedWorldRecord, services: Int?, tasks: Int?) -> ((String) -> String)? {
        let wantServices = services ?? record.servicesPerEnvironment
        let wantTasks = tasks ?? record.tasksPerService
        guard wantServices != record.servicesPerEnvironment || wantTasks != record.tasksPerService else { return nil }
        return { path in
            "the saved demo world \(path) has \(record.servicesPerEnvironment) services per environment and \(record.tasksPerService) tasks per service; "
                + "add --demo-reset to start a new one with --demo-services \(wantServices) --demo-tasks \(wantTasks)"
        }
    }

    /// Saves the changes made since the last save, on top of what the store holds now; returns notices for the user.
    /// Changes another process saved meanwhile are kept too: the two histories are merged in time order.
    @discardableResult
    package func save() -> [String] {
        lock.withLock {
            guard let base = saved else { return [] }
            let record = fleet.record()
            let unsaved = Array(record.changes.dropFirst(savedChanges))
            guard !unsaved.isEmpty else { return [] }
            do {
                return try store.withLock { () throws -> [String] in
                    guard let current = try store.read(), base.isPrefix(of: current) else {
                        saved = nil
                        return ["the demo world \(store.path) was reset or replaced by another ecsdash while this one ran; this one's changes were not saved"]
                    }
                    var next = current
                    next.changes = SimulatedWorldRecord.merged(current.changes, unsaved)
                    try store.write(next)
                    saved = next
                    savedChanges = record.changes.count
                    guard current.changes.count > base.changes.count else { return [] }
                    return ["another ecsdash changed the demo world while this one ran; both sets of changes are kept in \(store.path)"]
                }
            } catch {
                return ["the demo world was not saved: \(error)"]
            }
        }
    }

    /// Environment variables that make the standard credential chain yield the demo user's keys.
    package static let credentialEnvironment: [String: String] = [
        "AWS_ACCESS_KEY_ID": SimulatedFleet.demoCredentials.accessKeyId,
        "AWS_SECRET_ACCESS_KEY": SimulatedFleet.demoCredentials.secretAccessKey,
        "AWS_REGION": SimulatedFleet.region,
    ]

    /// The demo's AWS, reached as real AWS is (credential chain, signing, STS), but answered by the simulator.
    package func access() throws -> AWSAccess {
        try AWSAccess(profile: nil, region: SimulatedFleet.region, endpointOverride: nil, environment: Self.credentialEnvironment, transport: fleet.transport)
    }

    /// The demo config's accounts, reached through `access()`'s base identity and the demo roles.
    package func fleetAccess(_ config: DashboardConfig) throws -> FleetAccess {
        try FleetAccess(config: config, environment: Self.credentialEnvironment, transport: fleet.transport)
    }

    /// The dashboard's wiring for this world.
    package func setup(config: DashboardConfig = DemoFleet.config(), clock: any AWSClock = SystemClock()) -> FleetSetup {
        FleetSetup.demo(simulator: fleet, config: config, clock: clock)
    }
}

/// One ECS task and its scheduled future: each step changes its status at a known time, so the
/// simulator can replay any span of time in order when someone looks.
package struct SimulatedTask: Sendable {
    /// How a task's life goes once it starts.
    package enum Fate: Sendable {
        case healthy
        case failsHealthChecks
        case cannotPull
    }

    /// A status change scheduled for a moment in time.
    package enum Step: Sendable {
        case pending, running, healthy, unhealthy, crash, failHealthChecks, failPull, stopping, deprovisioning, stopped
    }

    /// What a step meant for the service, so it can react (launch replacements, count failures, log events).
    package enum Signal: Sendable {
        case none, started, becameHealthy, failed(String), stopped
    }

    package let id: String
    package let arn: String
    package let clusterArn: String
    package let serviceName: String
    package let deploymentId: String
    package let taskDefinitionArn: String
    package let containerName: String
    package let image: String
    package let digest: String?
    package let fate: Fate
    package let availabilityZone: String
    package let privateIP: String
    package let attachmentId: String
    package let containerArn: String
    package let cpu: String
    package let memory: String
    package let createdAt: Double
    /// When this task would crash out of memory if still running; nil when it never does.
    package let crashAt: Double?

    package var lastStatus = "PROVISIONING"
    package var desiredStatus = "RUNNING"
    package var healthStatus = "UNKNOWN"
    package var containerStatus = "PENDING"
    package var containerHealth = "UNKNOWN"
    package var exitCode: Int?
    package var containerReason: String?
    package var connectivityAt: Double?
    package var pullStartedAt: Double?
    package var pullStoppedAt: Double?
    package var startedAt: Double?
    package var stoppingAt: Double?
    package var executionStoppedAt: Double?
    package var stoppedAt: Double?
    package var stoppedReason: String?
    package var stopCode: String?
    package var version = 1
    /// The exit code and reason the container will report once stopped.
    package var pendingExit: (code: Int?, reason: String?) = (nil, nil)
    package var steps: [(at: Double, step: Step)] = []

    /// The time of the next scheduled step, or infinity.
    package var nextStepAt: Double { steps.first?.at ?? .infinity }

    package var isStopped: Bool { lastStatus == "STOPPED" }
    package var isLive: Bool { desiredStatus == "RUNNING" }
    package var isRunningHealthy: Bool { lastStatus == "RUNNING" && healthStatus == "HEALTHY" && isLive }
    package var isPendingStart: Bool { ["PROVISIONING", "PENDING", "ACTIVATING"].contains(lastStatus) }

    /// Schedules the start of a new task: provisioned, pulled, running, then healthy or not.
    package mutating func scheduleLaunch() {
        let t = createdAt
        steps = [(t + 1, .pending)]
        switch fate {
        case .cannotPull:
            steps.append((t + 6, .failPull))
        case .healthy:
            steps += [(t + 4, .running), (t + 12, .healthy)]
            if let crashAt { steps.append((max(crashAt, t + 13), .crash)) }
        case .failsHealthChecks:
            steps += [(t + 4, .running), (t + 14, .unhealthy), (t + 18, .failHealthChecks)]
        }
    }

    /// Schedules an out-of-memory crash for a task that is running healthily and has none coming.
    package mutating func scheduleCrash(at time: Double) {
        guard fate == .healthy, isLive, !steps.contains(where: { if case .crash = $0.step { true } else { false } }) else { return }
        let index = steps.firstIndex { $0.at > time } ?? steps.count
        steps.insert((time, .crash), at: index)
    }

    /// Applies the first scheduled step and says what it meant.
    package mutating func applyNextStep() -> Signal {
        guard !steps.isEmpty else { return .none }
        let (at, step) = steps.removeFirst()
        version += 1
        switch step {
        case .pending:
            lastStatus = "PENDING"
            connectivityAt = at
            pullStartedAt = at + 0.4
            return .none
        case .running:
            lastStatus = "RUNNING"
            pullStoppedAt = at - 0.6
            startedAt = at
            containerStatus = "RUNNING"
            return .started
        case .healthy:
            healthStatus = "HEALTHY"
            containerHealth = "HEALTHY"
            return .becameHealthy
        case .unhealthy:
            healthStatus = "UNHEALTHY"
            containerHealth = "UNHEALTHY"
            return .none
        case .crash:
            containerStatus = "STOPPED"
            exitCode = 137
            containerReason = "OutOfMemoryError: Container killed due to memory usage"
            beginStop(at: at, reason: "Essential container in task exited", code: "EssentialContainerExited", exit: (137, containerReason), draining: false)
            return .failed("crashed")
        case .failHealthChecks:
            beginStop(at: at, reason: "Task failed container health checks", code: "ServiceSchedulerInitiated", exit: (1, nil), draining: false)
            return .failed("failed container health checks")
        case .failPull:
            let reason = "CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref \(image): not found"
            containerReason = reason
            beginStop(at: at, reason: reason, code: "TaskFailedToStart", exit: (nil, reason), draining: false)
            return .failed("failed to pull its image")
        case .stopping:
            lastStatus = "STOPPING"
            return .none
        case .deprovisioning:
            lastStatus = "DEPROVISIONING"
            executionStoppedAt = at
            if containerStatus != "STOPPED" {
                containerStatus = "STOPPED"
                exitCode = pendingExit.code
                containerReason = pendingExit.reason
            }
            return .none
        case .stopped:
            lastStatus = "STOPPED"
            stoppedAt = at
            return .stopped
        }
    }

    /// Asks the task to stop: it drains (when behind a load balancer), stops, and is deprovisioned.
    package mutating func beginStop(at time: Double, reason: String, code: String, exit: (code: Int?, reason: String?), draining: Bool) {
        guard desiredStatus != "STOPPED" else { return }
        desiredStatus = "STOPPED"
        stoppingAt = time
        stoppedReason = reason
        stopCode = code
        pendingExit = startedAt == nil ? (nil, exit.reason) : exit
        version += 1
        if draining && lastStatus == "RUNNING" {
            lastStatus = "DEACTIVATING"
            steps = [(time + 5, .stopping), (time + 8, .deprovisioning), (time + 10, .stopped)]
        } else {
            lastStatus = "STOPPING"
            steps = [(time + 2, .deprovisioning), (time + 4, .stopped)]
        }
    }

    /// The task as DescribeTasks reports it.
    package func json(region: String) -> SimulatedJSON {
        let started = pullStoppedAt != nil
        let container = SimulatedJSON.fields([
            "containerArn": .string(containerArn),
            "taskArn": .string(arn),
            "name": .string(containerName),
            "image": .string(image),
            "imageDigest": started ? SimulatedJSON.text(digest) : nil,
            "runtimeId": started ? .string("\(id)-\(SimulatedRandom.digits(SimulatedRandom.hash(0, id), count: 10))") : nil,
            "lastStatus": .string(containerStatus),
            "exitCode": SimulatedJSON.number(exitCode),
            "reason": SimulatedJSON.text(containerReason),
            "networkInterfaces": .array([.fields(["attachmentId": .string(attachmentId), "privateIpv4Address": .string(privateIP)])]),
            "healthStatus": .string(containerHealth),
            "cpu": "0",
            "memoryReservation": "256",
        ])
        let attachmentStatus = lastStatus == "PROVISIONING" ? "PRECREATED" : (isStopped ? "DELETED" : "ATTACHED")
        let subnet = "subnet-0\(SimulatedRandom.hex(SimulatedRandom.hash(0, availabilityZone), count: 16))"
        return .fields([
            "attachments": .array([.fields([
                "id": .string(attachmentId),
                "type": "ElasticNetworkInterface",
                "status": .string(attachmentStatus),
                "details": .array([
                    .fields(["name": "subnetId", "value": .string(subnet)]),
                    .fields(["name": "networkInterfaceId", "value": .string("eni-0" + SimulatedRandom.hex(SimulatedRandom.hash(1, id), count: 16))]),
                    .fields(["name": "macAddress", "value": .string(macAddress)]),
                    .fields(["name": "privateDnsName", "value": .string("ip-\(privateIP.replacingOccurrences(of: ".", with: "-")).\(region).compute.internal")]),
                    .fields(["name": "privateIPv4Address", "value": .string(privateIP)]),
                ]),
            ])]),
            "attributes": .array([.fields(["name": "ecs.cpu-architecture", "value": "x86_64"])]),
            "availabilityZone": .string(availabilityZone),
            "capacityProviderName": "FARGATE",
            "clusterArn": .string(clusterArn),
            "connectivity": connectivityAt == nil ? nil : .string(isStopped ? "DISCONNECTED" : "CONNECTED"),
            "connectivityAt": SimulatedJSON.seconds(connectivityAt),
            "containers": .array([container]),
            "cpu": .string(cpu),
            "createdAt": SimulatedJSON.seconds(createdAt),
            "desiredStatus": .string(desiredStatus),
            "enableExecuteCommand": .bool(false),
            "executionStoppedAt": SimulatedJSON.seconds(executionStoppedAt),
            "group": .string("service:\(serviceName)"),
            "healthStatus": .string(healthStatus),
            "lastStatus": .string(lastStatus),
            "launchType": "FARGATE",
            "memory": .string(memory),
            "overrides": .fields(["containerOverrides": .array([.fields(["name": .string(containerName)])]), "inferenceAcceleratorOverrides": .array([])]),
            "platformVersion": "1.4.0",
            "platformFamily": "Linux",
            "pullStartedAt": SimulatedJSON.seconds(pullStartedAt),
            "pullStoppedAt": SimulatedJSON.seconds(pullStoppedAt),
            "startedAt": SimulatedJSON.seconds(startedAt),
            "startedBy": .string(deploymentId),
            "stopCode": SimulatedJSON.text(stopCode),
            "stoppedAt": SimulatedJSON.seconds(stoppedAt),
            "stoppedReason": SimulatedJSON.text(stoppedReason),
            "stoppingAt": SimulatedJSON.seconds(stoppingAt),
            "tags": .array([]),
            "taskArn": .string(arn),
            "taskDefinitionArn": .string(taskDefinitionArn),
            "version": .int(Int64(version)),
            "ephemeralStorage": .fields(["sizeInGiB": .int(20)]),
        ])
    }

    private var macAddress: String {
        let hex = Array(SimulatedRandom.hex(SimulatedRandom.hash(2, id), count: 10))
        return "0a:" + stride(from: 0, to: 10, by: 2).map { String(hex[$0..<$0 + 2]) }.joined(separator: ":")
    }
}

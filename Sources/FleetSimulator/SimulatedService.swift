import Foundation

/// One ECS service and its rollout machinery: deployments, tasks, events and log streams, advanced
/// lazily through time in step order, the way ECS's scheduler would have moved them.
package final class SimulatedService {
    package let name: String
    package let place: SimulatedPlace
    package let createdAt: Double
    package let targetGroupArn: String?
    package var desiredCount: Int
    package var taskDefinitionArn: String
    /// The PRIMARY deployment first, then ACTIVE ones.
    package private(set) var deployments: [SimulatedDeployment] = []
    package private(set) var tasks: [SimulatedTask] = []
    /// Newest first, at most 100, as DescribeServices returns them.
    package private(set) var events: [SimulatedServiceEvent] = []
    package private(set) var streams: [SimulatedLogStream] = []
    /// The last deployment that completed: what the circuit breaker rolls back to.
    package private(set) var lastCompleted: SimulatedDeployment?
    private var counter = 0
    /// Nothing happens before this time (the next step, or the next stopped task to forget); changes reset it.
    private var wakeAt = -Double.infinity
    /// Bumped by every change, so the serialised service can be reused until something happens.
    private var revision = 0
    private var cachedJSON: (revision: Int, bytes: [UInt8])?
    /// Serialised tasks by id, valid while the task's version is unchanged: most polls find nothing changed.
    private var cachedTasks: [String: (version: Int, bytes: [UInt8])] = [:]

    package var arn: String { "arn:aws:ecs:\(place.region):\(place.account):service/\(place.clusterName)/\(name)" }

    package init(name: String, place: SimulatedPlace, createdAt: Double, desiredCount: Int, taskDefinitionArn: String, targetGroupArn: String?) {
        self.name = name
        self.place = place
        self.createdAt = createdAt
        self.desiredCount = desiredCount
        self.taskDefinitionArn = taskDefinitionArn
        self.targetGroupArn = targetGroupArn
    }

    /// The earliest scheduled step of any task.
    package var nextStepAt: Double {
        tasks.reduce(Double.infinity) { min($0, $1.nextStepAt) }
    }

    // MARK: Time

    /// Replays every scheduled step up to `now`, reacting to each as ECS would.
    package func advance(to now: Double, settings: SimulatedSettings) {
        guard now >= wakeAt else { return }
        while true {
            var chosen = -1
            var earliest = Double.infinity
            for index in tasks.indices where tasks[index].nextStepAt < earliest {
                earliest = tasks[index].nextStepAt
                chosen = index
            }
            guard chosen >= 0, earliest <= now else { break }
            if case .crash = tasks[chosen].steps[0].step, settings.crashMeanSeconds == nil {
                tasks[chosen].steps.removeFirst()
                continue
            }
            revision += 1
            let signal = tasks[chosen].applyNextStep()
            react(to: signal, of: chosen, at: earliest)
            reconcile(at: earliest, settings: settings)
            if tasks.count > 2 * desiredCount + 40 { pruneStoppedTasks(now: earliest) }
        }
        pruneStoppedTasks(now: now)
        let forgetAt = tasks.reduce(Double.infinity) { $1.isStopped ? min($0, ($1.stoppedAt ?? now) + 3600) : $0 }
        wakeAt = min(nextStepAt, forgetAt)
    }

    /// ECS keeps stopped tasks visible for about an hour.
    private func pruneStoppedTasks(now: Double) {
        guard tasks.contains(where: { $0.isStopped && ($0.stoppedAt ?? now) < now - 3600 }) else { return }
        tasks.removeAll { $0.isStopped && ($0.stoppedAt ?? now) < now - 3600 }
        let live = Set(tasks.map(\.id))
        cachedTasks = cachedTasks.filter { live.contains($0.key) }
        revision += 1
    }

    // MARK: Changes

    /// Starts a new PRIMARY deployment; the current one becomes ACTIVE and drains once the new tasks are healthy.
    @discardableResult
    package func startDeployment(_ template: SimulatedDeployment, at time: Double, settings: SimulatedSettings) -> String {
        counter += 1
        var deployment = template
        deployment.id = "ecs-svc/" + SimulatedRandom.digits(SimulatedRandom.hash(place.seed, arn, "deployment", String(counter)), count: 19)
        deployment.status = "PRIMARY"
        deployment.createdAt = time
        deployment.updatedAt = time
        deployment.rolloutState = "IN_PROGRESS"
        deployment.rolloutStateReason = "ECS deployment \(deployment.id) in progress."
        deployment.failedTasks = 0
        for index in deployments.indices { deployments[index].status = "ACTIVE" }
        deployments.insert(deployment, at: 0)
        taskDefinitionArn = deployment.taskDefinitionArn
        revision += 1
        wakeAt = -.infinity
        reconcile(at: time, settings: settings)
        return deployment.id
    }

    /// Gives every live task a future crash time, drawn from `now`: the world is built with crashes off
    /// (replaying days of crashes costs time and shows nothing), then they start from the present.
    package func scheduleCrashes(after now: Double, meanSeconds: Double) {
        wakeAt = -.infinity
        for index in tasks.indices {
            let draw = SimulatedRandom.unit(SimulatedRandom.hash(place.seed, tasks[index].id, "crash"))
            tasks[index].scheduleCrash(at: now - meanSeconds * log(1 - draw))
        }
    }

    /// StopTask: the task stops and the scheduler replaces it.
    package func stopTask(id: String, reason: String?, at time: Double, settings: SimulatedSettings) -> SimulatedTask? {
        guard let index = tasks.firstIndex(where: { $0.id == id }) else { return nil }
        revision += 1
        wakeAt = -.infinity
        tasks[index].beginStop(at: time, reason: reason ?? "Task stopped by user", code: "UserInitiated", exit: (0, nil),
                               draining: targetGroupArn != nil)
        let stopped = tasks[index]
        reconcile(at: time, settings: settings)
        return stopped
    }

    package func setDesiredCount(_ count: Int, at time: Double, settings: SimulatedSettings) {
        desiredCount = count
        revision += 1
        wakeAt = -.infinity
        if !deployments.isEmpty { deployments[0].updatedAt = time }
        reconcile(at: time, settings: settings)
    }

    // MARK: The scheduler

    private func react(to signal: SimulatedTask.Signal, of index: Int, at time: Double) {
        let task = tasks[index]
        switch signal {
        case .none:
            break
        case .started:
            streams.append(SimulatedLogStream(name: "ecs/\(task.containerName)/\(task.id)", taskId: task.id, service: name, image: task.image,
                                              digest: task.digest ?? "", startedAt: time, isBadBuild: task.fate == .failsHealthChecks))
            if streams.count > 100 { streams.removeFirst(streams.count - 100) }
        case .becameHealthy:
            if let targetGroupArn { record("(service \(name)) registered 1 targets in (target-group \(targetGroupArn))", at: time) }
        case .failed(let what):
            if let deployment = deployments.firstIndex(where: { $0.id == task.deploymentId }), deployments[deployment].rolloutState == "IN_PROGRESS" {
                deployments[deployment].failedTasks += 1
                deployments[deployment].updatedAt = time
            }
            switch task.fate {
            case .failsHealthChecks: record("(service \(name)) (task \(task.id)) failed container health checks.", at: time)
            case .cannotPull: record("(service \(name)) (task \(task.id)) \(what): \(task.containerReason ?? "").", at: time)
            case .healthy: break
            }
            endStream(of: task, at: time, ending: what == "crashed" ? .crashed : .failedHealthChecks)
        case .stopped:
            endStream(of: task, at: time, ending: .drained)
        }
    }

    private func endStream(of task: SimulatedTask, at time: Double, ending: SimulatedLogStream.Ending) {
        guard let index = streams.lastIndex(where: { $0.taskId == task.id }), streams[index].endedAt == nil else { return }
        streams[index].endedAt = time
        streams[index].ending = ending
    }

    /// What ECS's scheduler does after any change: trip the circuit breaker, keep the PRIMARY at its
    /// desired count, drain older deployments as new tasks turn healthy, and declare the rollout done.
    private func reconcile(at time: Double, settings: SimulatedSettings) {
        guard !deployments.isEmpty else { return }
        // ECS's threshold: half the desired count, at least 3 and at most 200.
        let threshold = max(3, min(200, (desiredCount + 1) / 2))
        if deployments[0].rolloutState == "IN_PROGRESS", deployments[0].failedTasks >= threshold {
            tripCircuitBreaker(at: time, settings: settings)
        }
        let primary = deployments[0]
        guard primary.rolloutState != "FAILED" else { return }

        let live = tasks.indices.filter { tasks[$0].deploymentId == primary.id && tasks[$0].isLive }
        if live.count < desiredCount {
            launch(desiredCount - live.count, for: primary, at: time, settings: settings)
        } else if live.count > desiredCount {
            stop(Array(live.suffix(live.count - desiredCount)), at: time, reason: "Scaling activity initiated by (deployment \(primary.id))")
        }

        let healthy = tasks.filter { $0.deploymentId == primary.id && $0.isRunningHealthy }.count
        // Unhealthy and unstarted tasks go first, then the oldest, as ECS keeps healthy capacity longest.
        let older = tasks.indices.filter { tasks[$0].deploymentId != primary.id && tasks[$0].isLive }
            .sorted { (tasks[$0].isRunningHealthy ? 1 : 0, $0) < (tasks[$1].isRunningHealthy ? 1 : 0, $1) }
        // Keep at least the desired count of healthy tasks serving (minimumHealthyPercent 100).
        let surplus = older.count + healthy - desiredCount
        if surplus > 0 {
            stop(Array(older.prefix(surplus)), at: time, reason: "Scaling activity initiated by (deployment \(primary.id))")
        }

        let othersRemain = tasks.contains { $0.deploymentId != primary.id && !$0.isStopped }
        if primary.rolloutState == "IN_PROGRESS", healthy >= desiredCount, !othersRemain {
            deployments[0].rolloutState = "COMPLETED"
            deployments[0].rolloutStateReason = "ECS deployment \(primary.id) completed."
            deployments[0].updatedAt = time
            deployments.removeSubrange(1...)
            lastCompleted = deployments[0]
            record("(service \(name)) deployment \(primary.id) deployment completed.", at: time)
            record("(service \(name)) has reached a steady state.", at: time)
        }
    }

    /// The deployment keeps failing: mark it FAILED and roll back to the last completed one.
    private func tripCircuitBreaker(at time: Double, settings: SimulatedSettings) {
        let failed = deployments[0]
        deployments[0].rolloutState = "FAILED"
        deployments[0].rolloutStateReason = "ECS deployment circuit breaker: tasks failed to start."
        deployments[0].updatedAt = time
        record("(service \(name)) (deployment \(failed.id)) deployment failed: tasks failed to start.", at: time)
        guard !failed.isRollback, let previous = lastCompleted else { return }
        record("(service \(name)) rolling back to deployment \(previous.id).", at: time)
        var rollback = previous
        rollback.isRollback = true
        let rollbackId = startDeployment(rollback, at: time, settings: settings)
        let failedLive = tasks.indices.filter { tasks[$0].deploymentId == failed.id && tasks[$0].isLive }
        stop(failedLive, at: time, reason: "Scaling activity initiated by (deployment \(rollbackId))")
    }

    private func launch(_ count: Int, for deployment: SimulatedDeployment, at time: Double, settings: SimulatedSettings) {
        var started: [String] = []
        for _ in 0..<count {
            counter += 1
            let hash = SimulatedRandom.hash(place.seed, arn, "task", String(counter))
            let id = SimulatedRandom.hex(hash, count: 32)
            let crashAt = settings.crashMeanSeconds.map { mean in
                time + 12 - mean * log(1 - SimulatedRandom.unit(SimulatedRandom.mix(hash)))
            }
            var task = SimulatedTask(
                id: id, arn: "arn:aws:ecs:\(place.region):\(place.account):task/\(place.clusterName)/\(id)", clusterArn: place.clusterArn,
                serviceName: name, deploymentId: deployment.id, taskDefinitionArn: deployment.taskDefinitionArn,
                containerName: deployment.containerName, image: deployment.image, digest: deployment.digest, fate: deployment.fate,
                availabilityZone: place.region + ["a", "b", "c"][counter % 3],
                privateIP: "10.\(place.environmentIndex).\(1 + (counter / 250) % 250).\(4 + counter % 250)",
                attachmentId: SimulatedRandom.uuid(SimulatedRandom.hash(hash, "eni")),
                containerArn: "arn:aws:ecs:\(place.region):\(place.account):container/\(place.clusterName)/\(id)/\(SimulatedRandom.uuid(SimulatedRandom.hash(hash, "container")))",
                cpu: deployment.cpu, memory: deployment.memory, createdAt: time, crashAt: crashAt)
            task.scheduleLaunch()
            tasks.append(task)
            started.append(id)
        }
        guard !started.isEmpty else { return }
        record("(service \(name)) has started \(started.count) tasks: \(started.map { "(task \($0))" }.joined(separator: " ")).", at: time)
    }

    private func stop(_ indices: [Int], at time: Double, reason: String) {
        guard !indices.isEmpty else { return }
        let draining = targetGroupArn != nil
        for index in indices {
            tasks[index].beginStop(at: time, reason: reason, code: "ServiceSchedulerInitiated", exit: (0, nil), draining: draining)
        }
        let ids = indices.map { "(task \(tasks[$0].id))" }.joined(separator: " ")
        if let targetGroupArn {
            record("(service \(name)) deregistered \(indices.count) targets in (target-group \(targetGroupArn))", at: time)
            record("(service \(name)) has begun draining connections on \(indices.count) tasks.", at: time)
        }
        record("(service \(name)) has stopped \(indices.count) running tasks: \(ids).", at: time)
    }

    private func record(_ message: String, at time: Double) {
        counter += 1
        revision += 1
        events.insert(SimulatedServiceEvent(id: SimulatedRandom.uuid(SimulatedRandom.hash(place.seed, arn, "event", String(counter))),
                                            createdAt: time, message: message), at: 0)
        if events.count > 100 { events.removeLast(events.count - 100) }
    }

    // MARK: Wire form

    /// The service as DescribeServices reports it, serialised once per change.
    package func json() -> SimulatedJSON {
        if let cachedJSON, cachedJSON.revision == revision { return .raw(cachedJSON.bytes) }
        let bytes = freshJSON().bytes
        cachedJSON = (revision, bytes)
        return .raw(bytes)
    }

    /// A task as DescribeTasks reports it, serialised once per change of the task.
    package func taskJSON(_ index: Int) -> SimulatedJSON {
        let task = tasks[index]
        if let cached = cachedTasks[task.id], cached.version == task.version { return .raw(cached.bytes) }
        let bytes = task.json(region: place.region).bytes
        cachedTasks[task.id] = (task.version, bytes)
        return .raw(bytes)
    }

    /// Counts tasks without copying them.
    package func count(where predicate: (SimulatedTask) -> Bool) -> Int {
        var total = 0
        for index in tasks.indices where predicate(tasks[index]) { total += 1 }
        return total
    }

    private func freshJSON() -> SimulatedJSON {
        let network = Self.networkConfiguration(place)
        let deploymentJSON = deployments.map { deployment -> SimulatedJSON in
            .fields([
                "id": .string(deployment.id),
                "status": .string(deployment.status),
                "taskDefinition": .string(deployment.taskDefinitionArn),
                "desiredCount": .int(Int64(deployment.status == "PRIMARY" ? desiredCount : count { $0.deploymentId == deployment.id && $0.isLive })),
                "pendingCount": .int(Int64(count { $0.deploymentId == deployment.id && $0.isPendingStart })),
                "runningCount": .int(Int64(count { $0.deploymentId == deployment.id && $0.lastStatus == "RUNNING" })),
                "failedTasks": .int(Int64(deployment.failedTasks)),
                "createdAt": SimulatedJSON.seconds(deployment.createdAt),
                "updatedAt": SimulatedJSON.seconds(deployment.updatedAt),
                "launchType": "FARGATE",
                "platformVersion": "1.4.0",
                "platformFamily": "Linux",
                "networkConfiguration": network,
                "rolloutState": .string(deployment.rolloutState),
                "rolloutStateReason": .string(deployment.rolloutStateReason),
            ])
        }
        let loadBalancers: [SimulatedJSON] = targetGroupArn.map {
            [.fields(["targetGroupArn": .string($0), "containerName": .string(deployments.first?.containerName ?? name), "containerPort": .int(8080)])]
        } ?? []
        return .fields([
            "serviceArn": .string(arn),
            "serviceName": .string(name),
            "clusterArn": .string(place.clusterArn),
            "loadBalancers": .array(loadBalancers),
            "serviceRegistries": .array([]),
            "status": "ACTIVE",
            "desiredCount": .int(Int64(desiredCount)),
            "runningCount": .int(Int64(count { $0.lastStatus == "RUNNING" })),
            "pendingCount": .int(Int64(count(where: \.isPendingStart))),
            "launchType": "FARGATE",
            "platformVersion": "LATEST",
            "platformFamily": "Linux",
            "taskDefinition": .string(taskDefinitionArn),
            "deploymentConfiguration": .fields([
                "deploymentCircuitBreaker": .fields(["enable": .bool(true), "rollback": .bool(true)]),
                "maximumPercent": .int(200),
                "minimumHealthyPercent": .int(100),
            ]),
            "deployments": .array(deploymentJSON),
            "roleArn": .string("arn:aws:iam::\(place.account):role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"),
            "events": .array(events.map(\.json)),
            "createdAt": SimulatedJSON.seconds(createdAt),
            "placementConstraints": .array([]),
            "placementStrategy": .array([]),
            "networkConfiguration": network,
            "healthCheckGracePeriodSeconds": targetGroupArn == nil ? nil : .int(30),
            "schedulingStrategy": "REPLICA",
            "deploymentController": .fields(["type": "ECS"]),
            "createdBy": .string("arn:aws:iam::\(place.account):role/DashboardDeployer"),
            "enableECSManagedTags": .bool(true),
            "propagateTags": "NONE",
            "enableExecuteCommand": .bool(false),
            "availabilityZoneRebalancing": "ENABLED",
        ])
    }

    package static func networkConfiguration(_ place: SimulatedPlace) -> SimulatedJSON {
        let subnets = ["a", "b", "c"].map { "subnet-0" + SimulatedRandom.hex(SimulatedRandom.hash(0, place.region + $0), count: 16) }
        return .fields(["awsvpcConfiguration": .fields([
            "subnets": .strings(subnets),
            "securityGroups": .strings(["sg-0" + SimulatedRandom.hex(SimulatedRandom.hash(place.seed, place.account, "sg"), count: 16)]),
            "assignPublicIp": "DISABLED",
        ])])
    }
}

/// Amazon ECS over JSON 1.1: clusters, services, tasks and task definitions, with ECS's batch limits.
package enum SimulatedECSAPI {
    package static func respond(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        switch context.call.operation {
        case "ListClusters": return try listClusters(context)
        case "DescribeClusters": return try describeClusters(context)
        case "ListServices": return try listServices(context)
        case "DescribeServices": return try describeServices(context)
        case "ListTasks": return try listTasks(context)
        case "DescribeTasks": return try describeTasks(context)
        case "DescribeTaskDefinition": return try describeTaskDefinition(context)
        case "UpdateService": return try updateService(context)
        case "RegisterTaskDefinition": return try registerTaskDefinition(context)
        case "StopTask": return try stopTask(context)
        default: throw SimulatedFault(code: "UnknownOperationException", message: "")
        }
    }

    /// The account whose cluster the call names (the `default` cluster when it names none).
    private static func cluster(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedAccount {
        let name = try context.optionalString("cluster") ?? "default"
        guard let account = context.account, account.isCluster(name) else {
            throw SimulatedFault(code: "ClusterNotFoundException", message: "Cluster not found.")
        }
        return account
    }

    private static func listClusters(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let size = try context.pageSize(default: 100, limit: 100)
        let page = try context.page(context.account.map { [$0.place.clusterArn] } ?? [], size: size)
        return .fields(["clusterArns": .strings(page.items), "nextToken": SimulatedJSON.text(page.next)])
    }

    private static func describeClusters(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let names = try context.optionalStrings("clusters") ?? ["default"]
        guard names.count <= 100 else { throw .invalidParameter("clusters can have at most 100 items.") }
        var clusters: [SimulatedJSON] = []
        var failures: [SimulatedJSON] = []
        for name in names {
            if let account = context.account, account.isCluster(name) {
                let running = account.services.reduce(0) { $0 + $1.count { $0.lastStatus == "RUNNING" } }
                let pending = account.services.reduce(0) { $0 + $1.count(where: \.isPendingStart) }
                clusters.append(.fields([
                    "clusterArn": .string(account.place.clusterArn),
                    "clusterName": .string(account.place.clusterName),
                    "status": "ACTIVE",
                    "registeredContainerInstancesCount": .int(0),
                    "runningTasksCount": .int(Int64(running)),
                    "pendingTasksCount": .int(Int64(pending)),
                    "activeServicesCount": .int(Int64(account.services.count)),
                    "statistics": .array([]),
                    "tags": .array([]),
                    "settings": .array([.fields(["name": "containerInsights", "value": "enabled"])]),
                    "capacityProviders": .strings(["FARGATE", "FARGATE_SPOT"]),
                    "defaultCapacityProviderStrategy": .array([]),
                ]))
            } else {
                let arn = name.hasPrefix("arn:") ? name : "arn:aws:ecs:\(context.call.region):\(context.identity.account):cluster/\(name)"
                failures.append(.fields(["arn": .string(arn), "reason": "MISSING"]))
            }
        }
        return .fields(["clusters": .array(clusters), "failures": .array(failures)])
    }

    private static func listServices(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let account = try cluster(context)
        let size = try context.pageSize(default: 10, limit: 100)
        let page = try context.page(account.services.map(\.arn), size: size)
        return .fields(["serviceArns": .strings(page.items), "nextToken": SimulatedJSON.text(page.next)])
    }

    private static func describeServices(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let names = try context.optionalStrings("services") ?? []
        guard !names.isEmpty else { throw .missing("services") }
        guard names.count <= 10 else { throw .invalidParameter("services can have at most 10 items.") }
        let account = try cluster(context)
        var services: [SimulatedJSON] = []
        var failures: [SimulatedJSON] = []
        for name in names {
            if let service = account.service(name) {
                services.append(service.json())
            } else {
                let arn = name.hasPrefix("arn:") ? name : "arn:aws:ecs:\(account.place.region):\(account.place.account):service/\(account.place.clusterName)/\(name)"
                failures.append(.fields(["arn": .string(arn), "reason": "MISSING"]))
            }
        }
        return .fields(["services": .array(services), "failures": .array(failures)])
    }

    private static func listTasks(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let account = try cluster(context)
        let size = try context.pageSize(default: 100, limit: 100)
        let desired = try context.optionalString("desiredStatus") ?? "RUNNING"
        guard ["RUNNING", "PENDING", "STOPPED"].contains(desired) else { throw .invalidParameter("desiredStatus must be RUNNING, PENDING or STOPPED.") }
        var services = account.services
        if let name = try context.optionalString("serviceName") {
            guard let service = account.service(name) else { throw SimulatedFault(code: "ServiceNotFoundException", message: "Service not found.") }
            services = [service]
        }
        let family = try context.optionalString("family")
        let startedBy = try context.optionalString("startedBy")
        var arns: [String] = []
        for service in services {
            for index in service.tasks.indices {
                let matches = service.tasks[index].desiredStatus == desired
                    && (family.map { service.tasks[index].taskDefinitionArn.contains("task-definition/\($0):") } ?? true)
                    && (startedBy.map { service.tasks[index].deploymentId == $0 } ?? true)
                if matches { arns.append(service.tasks[index].arn) }
            }
        }
        let page = try context.page(arns, size: size)
        return .fields(["taskArns": .strings(page.items), "nextToken": SimulatedJSON.text(page.next)])
    }

    private static func describeTasks(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let references = try context.optionalStrings("tasks") ?? []
        guard !references.isEmpty else { throw .missing("tasks") }
        guard references.count <= 100 else { throw .invalidParameter("tasks can have at most 100 items.") }
        let account = try cluster(context)
        var found: [String: SimulatedJSON] = [:]
        let wanted = Set(references.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
        for service in account.services {
            for index in service.tasks.indices where wanted.contains(service.tasks[index].id) {
                found[service.tasks[index].id] = service.taskJSON(index)
            }
        }
        var tasks: [SimulatedJSON] = []
        var failures: [SimulatedJSON] = []
        for reference in references {
            let id = reference.split(separator: "/").last.map(String.init) ?? reference
            if let task = found[id] {
                tasks.append(task)
            } else {
                let arn = reference.hasPrefix("arn:") ? reference : "arn:aws:ecs:\(account.place.region):\(account.place.account):task/\(account.place.clusterName)/\(reference)"
                failures.append(.fields(["arn": .string(arn), "reason": "MISSING"]))
            }
        }
        return .fields(["tasks": .array(tasks), "failures": .array(failures)])
    }

    private static func describeTaskDefinition(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let reference = try context.string("taskDefinition")
        guard let definition = context.account?.taskDefinition(reference) else {
            throw SimulatedFault(code: "ClientException", message: "Unable to describe task definition.")
        }
        let wantsTags = try context.optionalStrings("include")?.contains("TAGS") ?? false
        return .fields(["taskDefinition": definition.json, "tags": wantsTags ? .array([]) : nil])
    }

    private static func updateService(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let name = try context.string("service")
        let account = try cluster(context)
        guard let service = account.service(name) else { throw SimulatedFault(code: "ServiceNotFoundException", message: "Service not found.") }
        try context.authorizeWrite(resource: service.arn)
        var definition: SimulatedTaskDefinition?
        if let reference = try context.optionalString("taskDefinition") {
            guard let found = account.taskDefinition(reference) else { throw .invalidParameter("TaskDefinition not found.") }
            definition = found
        }
        let desired = try context.optionalInt("desiredCount")
        if let desired, desired < 0 { throw .invalidParameter("desiredCount must be at least 0.") }
        let force = try context.optionalBool("forceNewDeployment") ?? false
        let settings = context.world.settings
        if let desired { service.setDesiredCount(desired, at: context.now, settings: settings) }
        let changesDefinition = definition.map { $0.arn != service.taskDefinitionArn } ?? false
        if force || changesDefinition {
            let chosen = definition ?? account.taskDefinition(service.taskDefinitionArn)
            if let chosen {
                service.startDeployment(context.world.deployment(of: chosen, at: context.now), at: context.now, settings: settings)
            }
        }
        return .fields(["service": service.json()])
    }

    private static func registerTaskDefinition(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let family = try context.string("family")
        guard let containers = context.call.body["containerDefinitions"]?.arrayValue, !containers.isEmpty else {
            throw .missing("containerDefinitions")
        }
        guard containers.allSatisfy({ $0["name"]?.stringValue != nil && $0["image"]?.stringValue != nil }) else {
            throw SimulatedFault(code: "ClientException", message: "Container.name and Container.image should not be null or empty.")
        }
        let resource = "arn:aws:ecs:\(context.call.region):\(context.identity.account):task-definition/\(family):*"
        try context.authorizeWrite(resource: resource)
        guard let account = context.account else {
            throw SimulatedFault(code: "ClientException", message: "The simulated fleet has no ECS resources in account \(context.identity.account).")
        }
        let definition = SimulatedTaskDefinition.registered(
            request: context.call.body, account: account.place.account, region: account.place.region,
            revision: account.nextRevision(of: family), registeredAt: context.now, registeredBy: context.identity.arn)
        account.register(definition)
        return .fields(["taskDefinition": definition.json, "tags": context.call.body["tags"] ?? .array([])])
    }

    private static func stopTask(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let reference = try context.string("task")
        let account = try cluster(context)
        guard let found = account.task(reference) else { throw .invalidParameter("The referenced task was not found.") }
        try context.authorizeWrite(resource: found.task.arn)
        let reason = try context.optionalString("reason")
        let stopped = found.service.stopTask(id: found.task.id, reason: reason, at: context.now, settings: context.world.settings) ?? found.task
        return .fields(["task": stopped.json(region: account.place.region)])
    }
}

import AWSClient
import DashboardModel
import Foundation

/// The one place that changes AWS. Every action, from a command or a dashboard key, goes through `run`:
/// read-only mode, one action per service at a time, plan, gates, confirmation, idempotent steps, watch, audit.
package actor ActionDispatcher {
    /// Shows a prompt and returns what the person typed (nil: no answer).
    package typealias Confirm = @Sendable (String) async -> String?
    package typealias Progress = @Sendable (ActionProgress) -> Void

    package let access: ActionAccess
    package let audit: AuditLog
    private let readOnly: ReadOnlyPolicy
    /// `env/service` → the summary of the action running on it.
    private var running: [String: String] = [:]
    /// `env/service` → the watch of the deployment its action started, so quitting can end it.
    private var watches: [String: Task<DeploymentWatcher.Verdict, Never>] = [:]
    /// Set when the dashboard quits: watches end at once, and the AWS steps in flight still finish.
    private var stopping = false

    package init(access: ActionAccess, audit: AuditLog, readOnly: Bool) {
        self.access = access
        self.audit = audit
        self.readOnly = ReadOnlyPolicy(commandLine: readOnly, config: access.config)
    }

    /// The action running on `env/service`, for the dashboard to show.
    package func runningAction(on key: String) -> String? {
        running[key]
    }

    /// Ends every watch now and any started later, so actions reach their audit record before ecsdash exits;
    /// AWS steps already under way are left to finish, since stopping one half-way helps nobody.
    package func stopWatching() {
        stopping = true
        for watch in watches.values { watch.cancel() }
    }

    package func run(_ request: ActionRequest, confirm: Confirm, progress: Progress) async -> ActionOutcome {
        // Before anything else, AWS reads included: a refused action costs nothing and changes nothing.
        if let switchName = readOnly.refusal(for: request.targetEnvironment) {
            return ActionOutcome(exitCode: ActionOutcome.readOnly,
                                 message: "read-only (\(switchName)): \(request.summary) would change AWS, so nothing was done")
        }
        if let other = running[request.lockKey] {
            return ActionOutcome(exitCode: ActionOutcome.failure, message: "\(request.lockKey) is busy: \(other) is running; wait for it to finish")
        }
        // Taken before the first await, so a second request on the same service can never slip in.
        running[request.lockKey] = request.summary
        defer { running[request.lockKey] = nil }
        do {
            return try await perform(request, confirm: confirm, progress: progress)
        } catch let error as ActionError {
            return ActionOutcome(exitCode: error.exitCode, message: error.message)
        } catch {
            return ActionOutcome(exitCode: ActionOutcome.failure, message: "\(request.summary): \(ErrorReport.describe(error))")
        }
    }

    // MARK: Actions

    private func perform(_ request: ActionRequest, confirm: Confirm, progress: Progress) async throws -> ActionOutcome {
        switch request.kind {
        case .promote(let from, let to):
            return try await promote(request, from: from, to: to, confirm: confirm, progress: progress)
        case .rollback(let environment, let target):
            return try await rollback(request, environment: environment, target: target, confirm: confirm, progress: progress)
        case .restart(let environment):
            let snapshot = try await read(environment, services: [request.service])
            guard let service = snapshot.service(named: request.service) else { throw noService(request.service, environment) }
            let calls: [PlannedCall] = [.updateService(environment: environment, cluster: snapshot.cluster, service: request.service, taskDefinition: nil)]
            // The new tasks resolve the tag again: the watch checks they run what it names now.
            let digest = await currentDigest(of: service.image)
            progress(ActionProgress(kind: .plan, text: "restart \(request.service) in \(environment): same image\(digest.map { " (\(DigestText.short($0)))" } ?? ""), new tasks"
                + "\n  API calls:\n    1. \(calls[0].summary)"))
            var base = record(request, from: nil, to: environment)
            base.oldDigest = service.runningDigests.count == 1 ? service.runningDigests[0] : nil
            base.newDigest = digest
            return try await confirmAndExecute(request, calls: calls, record: base, progress: progress, confirm: confirm)
        case .scale(let environment, let count):
            let plan = try await ScalePlanner(access: access).plan(service: request.service, environment: environment, count: count)
            progress(ActionProgress(kind: .plan, text: plan.render()))
            guard plan.changes else { return .ok(plan.nothingToDo) }
            var base = record(request, from: nil, to: environment)
            (base.oldCount, base.newCount) = (plan.desired, count)
            base = try await pass(plan.gates, request, record: base, confirm: confirm, progress: progress)
            return try await confirmAndExecute(request, calls: plan.calls, record: base, progress: progress, confirm: confirm)
        }
    }

    /// Shows each gate; with one failed, goes on only with `--force --reason`, or in the dashboard with a reason typed
    /// when asked. Returns the record with the gates, the overrides and the reason; throws what stops here (exit 3).
    package func pass(_ gates: [GateResult], _ request: ActionRequest, record: AuditRecord, confirm: Confirm,
              progress: Progress) async throws -> AuditRecord {
        for gate in gates { progress(ActionProgress(kind: .gate, text: gate.line)) }
        var record = record
        record.gates = gates
        let failed = gates.filter { !$0.passed }
        guard !failed.isEmpty else { return record }
        let names = failed.map(\.name).joined(separator: ", ")
        let blocked = "blocked by gate(s): \(failed.map { "\($0.name) (\($0.reason))" }.joined(separator: "; "))"
        let reason: String
        if request.force, let given = request.reason, !given.isEmpty {
            reason = given
        } else if request.offersOverride, !request.dryRun,
                  let typed = await confirm("gate(s) failed: \(names). Type a reason to override (audited), or Esc to stop: ")?
                      .trimmingCharacters(in: .whitespaces), !typed.isEmpty {
            reason = typed
        } else {
            let how = request.offersOverride ? "press the key again and type a reason to override (audited)" : "override with --force --reason TEXT (audited)"
            throw ActionError(message: "\(blocked); \(how)", exitCode: ActionOutcome.gateFailed)
        }
        record.overrides = failed.map(\.name)
        record.reason = reason
        progress(ActionProgress(kind: .warning, text: "overriding failed gate(s) \(names): \(reason)"))
        return record
    }

    // MARK: Confirm, execute, watch

    package func confirmAndExecute(_ request: ActionRequest, calls: [PlannedCall], record base: AuditRecord, planStep: String? = nil,
                                   progress: Progress, confirm: Confirm) async throws -> ActionOutcome {
        let environment = request.targetEnvironment
        let executor = try ActionExecutor(access: access, environment: environment, calls: calls)
        // Every role the calls need is assumed before anyone is asked: an answer that could only end in AccessDenied
        // is never asked for.
        let identities: ActionExecutor.Identities
        do {
            identities = try await executor.verifyAccess()
        } catch let refusal as ActionError {
            // The team's trail shows who tried what and why it could not be done, though nothing changed.
            if !request.dryRun { try? write(base, step: "permissions", result: "refused", error: refusal.code) }
            throw refusal
        }
        for (place, arn) in [("registry", identities.registry), (environment, identities.environment)] {
            if let arn { progress(ActionProgress(kind: .info, text: "  acting in \(place) as \(arn)")) }
        }
        if request.dryRun { return .ok("dry run: nothing was changed") }
        let isProtected = access.config.environment(named: environment)?.isProtected ?? false
        switch ConfirmationPolicy.decide(environment: environment, isProtected: isProtected, yes: request.yes,
                                         confirmEnvironment: request.confirmEnvironment, interactive: request.interactive) {
        case .proceed: break
        case .refuse(let message): throw ActionError(message: message, exitCode: ActionOutcome.usage)
        case .ask(let prompt, let expected):
            try await ask(prompt, expected: expected, confirm: confirm)
        }
        var base = base
        if base.reason == nil { base.reason = request.reason }
        base.identity = identities.overall
        // The plan line goes first: if the log cannot be written, nothing is changed.
        try write(base, step: planStep ?? "plan: \(calls.count) call(s)", result: "confirmed")
        var done: [String] = []
        var deployments: [String: String?] = [:]
        for (offset, call) in calls.enumerated() {
            do {
                let step = try await executor.perform(call)
                if case .updateService(_, _, let service, _) = call { deployments[service] = step.deploymentId }
                let note = step.alreadyDone ? " (already done)" : ""
                progress(ActionProgress(kind: .step, text: "✓ \(offset + 1)/\(calls.count) \(call.summary)\(note)"))
                try write(base.madeAs(identities.of(call)), step: call.summary, result: step.alreadyDone ? "already-done" : "ok",
                          requestIds: step.requestIds)
                done.append("\(offset + 1). \(call.summary)")
            } catch {
                let ids = executor.drainRequestIds() + [(error as? AWSError)?.requestId].compactMap { $0 }
                try? write(base.madeAs(identities.of(call)), step: call.summary, result: "failed", error: StepFailureReport.code(error), requestIds: ids)
                throw ActionError(message: StepFailureReport.message(action: request.kind.name, index: offset + 1, total: calls.count, call: call,
                                                                     error: error, roleArn: executor.roleArn(for: call), done: done),
                                  exitCode: ActionOutcome.failure)
            }
        }
        let follow = ActionWatch.after(request, deployments: deployments, digest: base.newDigest)
        guard request.wait, let watching = follow, let fetcher = access.fetcher(environment) else {
            return .ok("\(request.summary): done\(follow.map { " (not watching \($0.noun): --no-wait)" } ?? "")", wrote: true)
        }
        let (ecs, cluster, clock) = (ECSClient(context: fetcher.context), fetcher.environment.cluster, access.clock)
        progress(ActionProgress(kind: .watch, text: "watching \(watching.subject) in \(environment) (timeout \(Int(request.waitTimeout))s)"))
        // The watch runs as its own task so that quitting can cancel it alone; its lines come back through a
        // stream, since `progress` may not outlive this call.
        let timeout = request.waitTimeout
        let (lines, line) = AsyncStream<String>.makeStream()
        let watch = Task {
            let verdict = await watching.run(ecs: ecs, cluster: cluster, clock: clock, timeout: timeout) { line.yield($0) }
            line.finish()
            return verdict
        }
        watches[request.lockKey] = watch
        if stopping { watch.cancel() }
        for await text in lines { progress(ActionProgress(kind: .watch, text: text)) }
        let verdict = await watch.value
        watches[request.lockKey] = nil
        switch verdict {
        case .completed:
            try? write(base, step: "watch", result: "completed")
            return .ok("\(request.summary): \(watching.completed)", wrote: true)
        case .failed(let service, let reason):
            try? write(base, step: "watch", result: "rolled-back", error: reason)
            return ActionOutcome(exitCode: ActionOutcome.deploymentFailed,
                                 message: "\(request.summary): \(watching.failure(of: "\(environment)/\(service)")): \(reason)", wroteToAWS: true)
        case .timedOut(let message):
            try? write(base, step: "watch", result: "timed-out", error: message)
            return ActionOutcome(exitCode: ActionOutcome.deploymentFailed, message: "\(request.summary): \(message)", wroteToAWS: true)
        case .interrupted:
            let message = "ecsdash quit while watching; ECS carries on with the deployment (see `ecsdash status`)"
            try? write(base, step: "watch", result: "interrupted", error: message)
            return ActionOutcome(exitCode: ActionOutcome.failure, message: "\(request.summary): \(message)", wroteToAWS: true)
        }
    }

    /// Asks until the answer confirms: a mistyped environment name is asked again (up to `ConfirmationPolicy.attempts`
    /// times in all) rather than ending the action; no answer (Esc), or anything but yes to a y/N question, stops it.
    private func ask(_ prompt: String, expected: String, confirm: Confirm) async throws {
        var prompt = prompt
        for attempt in 1...ConfirmationPolicy.attempts {
            let answer = await confirm(prompt)
            if ConfirmationPolicy.accepts(answer, expected: expected) { return }
            let typed = (answer ?? "").trimmingCharacters(in: .whitespaces)
            guard answer != nil, expected != "y", !typed.isEmpty, attempt < ConfirmationPolicy.attempts else { break }
            prompt = ConfirmationPolicy.retryPrompt(typed: typed, expected: expected, left: ConfirmationPolicy.attempts - attempt)
        }
        throw ActionError(message: "not confirmed; nothing was changed", exitCode: ActionOutcome.failure)
    }

    /// The tag already names the image the action wants: redeploy the services that, by what ECS reports, never
    /// got a deployment of it (an earlier run stopped after moving the tags), audited like any other run; "nothing
    /// to do" only when every one of them runs it.
    package func finish(_ request: ActionRequest, plan: PromotionPlan, from: String, confirm: Confirm, progress: Progress) async throws -> ActionOutcome {
        let calls = plan.calls
        guard !calls.isEmpty else {
            if let failed = plan.finishing.first(where: { $0.state == .rolledBack }) {
                return ActionOutcome(exitCode: ActionOutcome.deploymentFailed,
                                     message: "\(request.summary): \(failed.text); the redeploy reached ECS and failed, so it is not repeated: "
                                         + "fix the image, or point the tag elsewhere (`ecsdash rollback \(request.service) --env \(plan.to)`)")
            }
            return .ok(plan.nothingToDo)
        }
        var base = record(request, from: from, to: plan.to)
        let running = Set(plan.finishing.filter { $0.state == .behind }.compactMap(\.running))
        base.oldDigest = running.count == 1 ? running.first : nil
        base.newDigest = plan.sourceDigest
        return try await confirmAndExecute(request, calls: calls, record: base, planStep: "plan: finish the redeploy, \(calls.count) call(s)",
                                           progress: progress, confirm: confirm)
    }

    // MARK: Helpers

    /// A lean read for planning: the named services (all when nil), running tasks, no target health or pipelines.
    package func read(_ environment: String, services: [String]?, stoppedTasks: Bool = false) async throws -> EnvironmentSnapshot {
        guard let fetcher = access.fetcher(environment) else {
            throw ActionError(message: "unknown environment \(environment); configured: \(access.config.environments.map(\.name).joined(separator: ", "))",
                              exitCode: ActionOutcome.usage)
        }
        do {
            var scope = EnvironmentFetcher.Scope.forAction(services: services)
            scope.includeStoppedTasks = stoppedTasks
            return try await fetcher.fetch(now: access.clock.now(), scope: scope)
        } catch {
            throw ActionError(message: "could not read \(environment): \(ErrorReport.describe(error))", exitCode: ActionOutcome.failure)
        }
    }

    package func planner() throws -> PromotionPlanner {
        guard let registry = access.sources.registry else {
            throw ActionError(message: "the config has no registry: promotions retag images in the shared registry", exitCode: ActionOutcome.usage)
        }
        return PromotionPlanner(ecr: ECRClient(context: registry.context), environmentNames: access.config.environments.map(\.name))
    }

    /// The digest an image reference names now: its pinned digest, or what its tag points at in the registry (nil
    /// when the registry cannot say; the watch then checks that the new deployment's tasks replaced the old ones).
    package func currentDigest(of image: ImageReference?) async -> String? {
        guard let image else { return nil }
        if let pinned = image.pinnedDigest { return pinned }
        guard let tag = image.tag, let registry = access.sources.registry else { return nil }
        let result = try? await ECRClient(context: registry.context).batchGetImage(repositoryName: image.repository, imageIds: [ECRImageIdentifier(imageTag: tag)])
        return result?.images.first.map(PromotionPlanner.digest(of:))
    }

    /// This machine's audit log, for when earlier runs moved tags; one that cannot be read tells nothing.
    package func trail() -> AuditTrail {
        AuditTrail(records: (try? audit.records()) ?? [])
    }

    package func noService(_ service: String, _ environment: String) -> ActionError {
        ActionError(message: "no service \(service) in \(environment)", exitCode: ActionOutcome.usage)
    }

    package func record(_ request: ActionRequest, from: String?, to: String) -> AuditRecord {
        AuditRecord(time: "", identity: nil, action: request.kind.name, service: request.service, environment: request.targetEnvironment, from: from,
                    to: to, step: "", oldDigest: nil, newDigest: nil, gates: [], overrides: [], reason: request.reason, result: "", error: nil,
                    requestIds: [])
    }

    package func write(_ base: AuditRecord, step: String, result: String, error: String? = nil, requestIds: [String] = []) throws {
        var record = base
        record.time = AuditRecord.timestamp(access.clock.now())
        record.step = step
        record.result = result
        record.error = error
        record.requestIds = requestIds
        try audit.append(record)
    }
}

import AWSClient
import DashboardModel
import Foundation

extension ActionDispatcher {
    /// The builds `environment`'s `service` can go back to, and the one it runs now, for `rollback --list` and the
    /// dashboard's chooser. Reads only.
    package func rollbackChoices(service: String, environment: String) async throws -> (current: RollbackChoice?, choices: [RollbackChoice]) {
        let history = try await buildHistory(service: service, environment: environment)
        return (history.current, history.choices)
    }

    /// Puts the environment back on an earlier build: `ENV-previous`, a chosen digest or tag, or a task-definition
    /// revision. The plan says in words what will run afterwards and what `ENV-previous` will then hold.
    package func rollback(_ request: ActionRequest, environment: String, target: RollbackTarget, confirm: Confirm,
                  progress: Progress) async throws -> ActionOutcome {
        if case .revision(let revision) = target {
            return try await rollback(request, environment: environment, toRevision: revision, confirm: confirm, progress: progress)
        }
        let history = try await buildHistory(service: request.service, environment: environment)
        let (snapshot, service, image, tag) = (history.snapshot, history.service, history.image, history.tag)
        let label: String
        let chosen: ECRImageDetail?
        switch target {
        case .digest(let digest):
            (label, chosen) = (DigestText.short(digest), history.images.first { $0.imageDigest == digest })
        case .tag(let name):
            (label, chosen) = (name, history.images.first { ($0.imageTags ?? []).contains(name) })
        default:
            label = "\(tag)-previous"
            chosen = history.images.first { ($0.imageTags ?? []).contains(label) }
            guard chosen != nil else { throw noPrevious(request.service, environment: environment, tag: tag, choices: history.choices) }
        }
        guard let chosen, let digest = chosen.imageDigest else {
            progress(ActionProgress(kind: .gate, text: GateResult(name: "build exists", passed: false, reason: "no image \(label) in \(image.repository)").line))
            return ActionOutcome(exitCode: ActionOutcome.gateFailed,
                                 message: "no image \(label) in \(image.repository); see the builds \(environment) can go back to with `ecsdash rollback \(request.service) --env \(environment) --list`")
        }
        let planner = try planner()
        let input = { (source: ECRImageIdentifier, from: String) in
            PromotionPlanner.Input(action: "rollback", service: request.service, from: from, to: environment, repository: image.repository,
                                   source: source, targetTag: tag, target: snapshot)
        }
        var plan = try await planner.plan(input(ECRImageIdentifier(imageDigest: digest), label), known: history.images)
        if target == .previous, let note = RollbackCheck.ecsAlreadyRolledBack(service, tagDigest: plan.targetDigest) {
            progress(ActionProgress(kind: .info, text: note))
            return .ok("\(note); nothing done (to move the \(tag) tag as well, use --to DIGEST)")
        }
        let trail = trail()
        // An earlier rollback that moved the tags left `TAG-previous` naming the image it rolled away from, so taking
        // `TAG-previous` again would undo it: a re-run goes on with what that rollback moved the tag to.
        if target == .previous, let current = plan.targetDigest,
           let earlier = trail.lastTagMove(environment: environment, repository: image.repository, tag: tag),
           earlier.action == "rollback", earlier.newDigest == current {
            progress(ActionProgress(kind: .info, text: "an earlier rollback (audit log, \(earlier.time)) already moved \(image.repository):\(tag) to "
                + "\(DigestText.short(current)); \(tag)-previous now names the image it replaced, so this run goes on from there rather than taking \(tag)-previous again"))
            plan = try await planner.plan(input(ECRImageIdentifier(imageDigest: current), label), known: history.images)
        }
        if plan.isAlreadyPromoted { plan.finishing = RedeployCheck.verdicts(plan, target: snapshot, trail: trail) }
        progress(ActionProgress(kind: .plan, text: plan.render()))
        if plan.isAlreadyPromoted {
            return try await finish(request, plan: plan, from: label, confirm: confirm, progress: progress)
        }
        progress(ActionProgress(kind: .plan, text: "  " + Self.story(plan, images: history.images, now: access.clock.now())))
        var base = record(request, from: label, to: environment)
        base.oldDigest = plan.targetDigest
        base.newDigest = plan.sourceDigest
        let gates = [GateResult(name: "build exists", passed: true, reason: "\(label) is \(DigestText.short(digest)) in \(image.repository)"),
                     PromotionGates.targetSettled([service], environment: environment)]
        base = try await pass(gates, request, record: base, confirm: confirm, progress: progress)
        return try await confirmAndExecute(request, calls: plan.calls, record: base, progress: progress, confirm: confirm)
    }

    /// `prod goes back to build-103 (sha256:…), pushed 2 days ago; prod-previous will then hold build-104 (sha256:…)`.
    package static func story(_ plan: PromotionPlan, images: [ECRImageDetail], now: Date) -> String {
        func choice(_ digest: String) -> RollbackChoice {
            let image = images.first { $0.imageDigest == digest }
            return RollbackChoice(digest: digest, buildTags: PromotionPlanner.buildTags(image?.imageTags ?? [], environments: [plan.to]),
                                  pushedAt: image?.imagePushedAt, notes: [], ranHere: false)
        }
        var text = "\(plan.to) goes back to \(choice(plan.sourceDigest).described(now: now))"
        if let current = plan.targetDigest {
            text += "; \(plan.previousTag) will then hold \(choice(current).described(now: now)), what \(plan.to) runs now"
        }
        return text
    }

    private func rollback(_ request: ActionRequest, environment: String, toRevision revision: Int, confirm: Confirm,
                          progress: Progress) async throws -> ActionOutcome {
        let snapshot = try await read(environment, services: nil)
        guard let service = snapshot.service(named: request.service) else { throw noService(request.service, environment) }
        let definition = "\(RollbackCheck.family(of: service.taskDefinitionArn)):\(revision)"
        var base = record(request, from: definition, to: environment)
        let calls: [PlannedCall] = [.updateService(environment: environment, cluster: snapshot.cluster, service: request.service, taskDefinition: definition)]
        progress(ActionProgress(kind: .plan, text: "rollback \(request.service) in \(environment) to task definition \(definition)\n  API calls:\n    1. \(calls[0].summary)"))
        base = try await pass([PromotionGates.targetSettled([service], environment: environment)], request, record: base, confirm: confirm, progress: progress)
        return try await confirmAndExecute(request, calls: calls, record: base, progress: progress, confirm: confirm)
    }

    /// What a rollback of the service in the environment starts from: the environment read, its image and tag, every
    /// image of the repository, and the choices they give.
    private struct BuildHistory {
        var snapshot: EnvironmentSnapshot
        var service: ServiceSnapshot
        var image: ImageReference
        var tag: String
        var images: [ECRImageDetail]
        var current: RollbackChoice?
        var choices: [RollbackChoice]
    }

    private func buildHistory(service name: String, environment: String) async throws -> BuildHistory {
        let snapshot = try await read(environment, services: nil)
        guard let service = snapshot.service(named: name) else { throw noService(name, environment) }
        guard let image = service.image, let tag = image.tag else {
            throw ActionError(message: "\(environment)/\(name) is pinned by digest: roll back with --revision N", exitCode: ActionOutcome.usage)
        }
        guard let registry = access.sources.registry else {
            throw ActionError(message: "the config has no registry: rollbacks retag images in the shared registry", exitCode: ActionOutcome.usage)
        }
        let images: [ECRImageDetail]
        do {
            images = try await ECRClient(context: registry.context).describeImages(repositoryName: image.repository)
        } catch {
            throw ActionError(message: "could not list the images of \(image.repository): \(ErrorReport.describe(error, action: "ecr:DescribeImages"))",
                              exitCode: ActionOutcome.failure)
        }
        let current = images.first { ($0.imageTags ?? []).contains(tag) }
        let environments = access.config.environments.map(\.name)
        let choices = RollbackChoices.list(environment: environment, tag: tag, current: current?.imageDigest, images: images, trail: trail(),
                                          service: name, environments: environments)
        let now = current.flatMap { detail in detail.imageDigest.map {
            RollbackChoice(digest: $0, buildTags: PromotionPlanner.buildTags(detail.imageTags ?? [], environments: environments), pushedAt: detail.imagePushedAt,
                           notes: ["\(environment) runs it now"], ranHere: true)
        } }
        return BuildHistory(snapshot: snapshot, service: service, image: image, tag: tag, images: images, current: now, choices: choices)
    }

    /// No `TAG-previous` yet: say what to do instead of quoting ECR's error.
    private func noPrevious(_ service: String, environment: String, tag: String, choices: [RollbackChoice]) -> ActionError {
        var message = "\(environment) has no \(tag)-previous tag yet (ecsdash keeps one each time it moves \(tag)), so there is no obvious build to go back to."
        if let first = choices.first {
            message += " Choose one: `ecsdash rollback \(service) --env \(environment) --list` shows \(choices.count), for example `--to \(first.buildTags.first ?? first.digest)`; in the dashboard, r opens the list."
        } else {
            message += " The repository holds no other build to go back to."
        }
        return ActionError(message: message, exitCode: ActionOutcome.usage)
    }
}

import AWSClient
import DashboardModel
import Foundation

extension ActionDispatcher {
    /// Moves the source environment's image to the target: plan, gates that know what the source really runs,
    /// then confirmation and the retag and redeploys.
    package func promote(_ request: ActionRequest, from: String, to: String, confirm: Confirm, progress: Progress) async throws -> ActionOutcome {
        // The source needs only the promoted service, with its stopped tasks (a rolled-back deployment's are the
        // evidence); the target needs every service, to find each one running the target tag.
        async let sourceRead = read(from, services: [request.service], stoppedTasks: true)
        async let targetRead = read(to, services: nil)
        let (source, target) = try await (sourceRead, targetRead)
        guard let sourceService = source.service(named: request.service) else { throw noService(request.service, from) }
        guard let image = sourceService.image else {
            throw ActionError(message: "\(from)/\(request.service) names no image in its task definition", exitCode: ActionOutcome.usage)
        }
        let targetTag = target.service(named: request.service)?.image?.tag ?? to
        let sourceId = image.tag.map { ECRImageIdentifier(imageTag: $0) } ?? ECRImageIdentifier(imageDigest: image.pinnedDigest)
        var plan = try await planner().plan(PromotionPlanner.Input(
            action: "promote", service: request.service, from: from, to: to, repository: image.repository, source: sourceId,
            targetTag: targetTag, target: target))
        if plan.isAlreadyPromoted { plan.finishing = RedeployCheck.verdicts(plan, target: target, trail: trail()) }
        progress(ActionProgress(kind: .plan, text: plan.render()))
        if plan.isAlreadyPromoted {
            return try await finish(request, plan: plan, from: from, confirm: confirm, progress: progress)
        }
        let facts = PromotionGates.Facts(
            source: sourceService, sourceEnvironment: from, digest: plan.sourceDigest, pushedAt: plan.sourcePushedAt,
            targets: target.services.filter { plan.redeploy.contains($0.name) }, targetEnvironment: to,
            order: access.config.environments.map(\.name), soak: access.config.soak, now: access.clock.now())
        var base = record(request, from: from, to: to)
        base.oldDigest = plan.targetDigest
        base.newDigest = plan.sourceDigest
        base = try await pass(PromotionGates.evaluate(facts), request, record: base, confirm: confirm, progress: progress)
        return try await confirmAndExecute(request, calls: plan.calls, record: base, progress: progress, confirm: confirm)
    }
}

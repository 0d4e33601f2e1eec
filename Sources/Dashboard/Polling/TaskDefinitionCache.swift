import AWSClient

/// Task definitions by ARN: a revision never changes, so each is fetched once per run.
actor TaskDefinitionCache {
    private var definitions: [String: ECSTaskDefinition] = [:]

    func definition(_ arn: String) -> ECSTaskDefinition? { definitions[arn] }

    func store(_ definition: ECSTaskDefinition, for arn: String) { definitions[arn] = definition }

    var count: Int { definitions.count }
}

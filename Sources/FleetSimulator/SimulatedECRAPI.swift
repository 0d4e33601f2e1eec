/// Amazon ECR over JSON 1.1: the registry account's repositories and images, and retagging with PutImage.
package enum SimulatedECRAPI {
    package static func respond(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        switch context.call.operation {
        case "DescribeRepositories": return try describeRepositories(context)
        case "DescribeImages": return try describeImages(context)
        case "ListImages": return try listImages(context)
        case "BatchGetImage": return try batchGetImage(context)
        case "PutImage": return try putImage(context)
        default: throw SimulatedFault(code: "UnknownOperationException", message: "")
        }
    }

    /// The registry the call addresses (its `registryId`, else the caller's own account) and whether it holds the demo's images.
    /// Other accounts may read the shared registry (its repository policy allows pulls) but not write to it.
    private static func registry(_ context: SimulatedRequestContext) throws(SimulatedFault) -> (id: String, isShared: Bool) {
        let id = try context.optionalString("registryId") ?? context.identity.account
        let isShared = id == SimulatedFleet.registryAccount && context.call.region == context.world.region
        if id != context.identity.account, context.call.operation == "PutImage" || !isShared {
            let repository = (try? context.optionalString("repositoryName")) ?? nil
            throw .accessDenied(principal: context.identity.arn, action: "ecr:\(context.call.operation)",
                                resource: "arn:aws:ecr:\(context.call.region):\(id):repository/\(repository ?? "*")")
        }
        return (id, isShared)
    }

    private static func repository(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedRepository {
        let name = try context.string("repositoryName")
        let registry = try registry(context)
        guard registry.isShared, let repository = context.world.repository(name) else {
            throw SimulatedFault(code: "RepositoryNotFoundException",
                                 message: "The repository with name '\(name)' does not exist in the registry with id '\(registry.id)'")
        }
        return repository
    }

    /// The `imageIds` member: tag and/or digest pairs.
    private static func imageIds(_ context: SimulatedRequestContext) throws(SimulatedFault) -> [(tag: String?, digest: String?)]? {
        guard let items = context.call.body["imageIds"]?.arrayValue else { return nil }
        return items.map { (tag: $0["imageTag"]?.stringValue, digest: $0["imageDigest"]?.stringValue) }
    }

    private static func tagStatus(_ context: SimulatedRequestContext) -> String {
        context.call.body["filter"]?["tagStatus"]?.stringValue ?? "ANY"
    }

    private static func matches(_ image: SimulatedImage, tagStatus: String) -> Bool {
        switch tagStatus {
        case "TAGGED": return !image.tags.isEmpty
        case "UNTAGGED": return image.tags.isEmpty
        default: return true
        }
    }

    private static func describeRepositories(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let names = try context.optionalStrings("repositoryNames")
        if names != nil, try context.optionalInt("maxResults") != nil {
            throw .invalidParameter("maxResults and repositoryNames can not be provided together")
        }
        let size = try context.pageSize(default: 100, limit: 1000)
        let registry = try registry(context)
        let all = registry.isShared ? context.world.repositories : []
        var chosen = all
        if let names {
            chosen = []
            for name in names {
                guard let found = all.first(where: { $0.name == name }) else {
                    throw SimulatedFault(code: "RepositoryNotFoundException",
                                         message: "The repository with name '\(name)' does not exist in the registry with id '\(registry.id)'")
                }
                chosen.append(found)
            }
        }
        let page = try context.page(chosen, size: size)
        let repositories = page.items.map { repository -> SimulatedJSON in
            .fields([
                "repositoryArn": .string(repository.arn),
                "registryId": .string(registry.id),
                "repositoryName": .string(repository.name),
                "repositoryUri": .string(repository.uri),
                "createdAt": SimulatedJSON.seconds(repository.createdAt),
                "imageTagMutability": "MUTABLE",
                "imageScanningConfiguration": .fields(["scanOnPush": .bool(true)]),
                "encryptionConfiguration": .fields(["encryptionType": "AES256"]),
            ])
        }
        return .fields(["repositories": .array(repositories), "nextToken": SimulatedJSON.text(page.next)])
    }

    private static func detail(_ image: SimulatedImage, in repository: SimulatedRepository) -> SimulatedJSON {
        .fields([
            "registryId": .string(repository.registryId),
            "repositoryName": .string(repository.name),
            "imageDigest": .string(image.digest),
            "imageTags": image.tags.isEmpty ? nil : .strings(image.tags),
            "imageSizeInBytes": .int(image.sizeInBytes),
            "imagePushedAt": .int(Int64(image.pushedAt)),
            "imageManifestMediaType": .string(image.mediaType),
            "artifactMediaType": .string(SimulatedManifest.configMediaType),
            "lastRecordedPullTime": SimulatedJSON.seconds(image.lastPulledAt),
        ])
    }

    private static func describeImages(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let repository = try repository(context)
        let wanted = try imageIds(context)
        if wanted != nil, try context.optionalInt("maxResults") != nil {
            throw .invalidParameter("maxResults and imageIds can not be provided together")
        }
        let size = try context.pageSize(default: 100, limit: 1000)
        guard let wanted else {
            let status = tagStatus(context)
            let page = try context.page(repository.images.filter { matches($0, tagStatus: status) }, size: size)
            return .fields(["imageDetails": .array(page.items.map { detail($0, in: repository) }), "nextToken": SimulatedJSON.text(page.next)])
        }
        var details: [SimulatedJSON] = []
        for id in wanted {
            guard let image = repository.image(tag: id.tag, digest: id.digest) else {
                throw SimulatedFault(code: "ImageNotFoundException",
                                     message: "The image with imageId {imageDigest:'\(id.digest ?? "null")', imageTag:'\(id.tag ?? "null")'} does not exist within the repository with name '\(repository.name)' in the registry with id '\(repository.registryId)'")
            }
            details.append(detail(image, in: repository))
        }
        return .fields(["imageDetails": .array(details)])
    }

    private static func listImages(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let repository = try repository(context)
        let size = try context.pageSize(default: 100, limit: 1000)
        let status = tagStatus(context)
        var ids: [SimulatedJSON] = []
        for image in repository.images where matches(image, tagStatus: status) {
            if image.tags.isEmpty {
                ids.append(.fields(["imageDigest": .string(image.digest)]))
            } else {
                ids += image.tags.map { .fields(["imageDigest": .string(image.digest), "imageTag": .string($0)]) }
            }
        }
        let page = try context.page(ids, size: size)
        return .fields(["imageIds": .array(page.items), "nextToken": SimulatedJSON.text(page.next)])
    }

    private static func batchGetImage(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let repository = try repository(context)
        guard let wanted = try imageIds(context), !wanted.isEmpty else { throw .missing("imageIds") }
        guard wanted.count <= 100 else { throw .invalidParameter("imageIds can have at most 100 items.") }
        let accepted = try context.optionalStrings("acceptedMediaTypes")
        var images: [SimulatedJSON] = []
        var failures: [SimulatedJSON] = []
        for id in wanted {
            let imageId = SimulatedJSON.fields(["imageDigest": SimulatedJSON.text(id.digest), "imageTag": SimulatedJSON.text(id.tag)])
            guard let image = repository.image(tag: id.tag, digest: id.digest) else {
                failures.append(.fields(["imageId": imageId, "failureCode": "ImageNotFound", "failureReason": "Requested image not found"]))
                continue
            }
            if let accepted, !accepted.contains(image.mediaType) {
                failures.append(.fields(["imageId": imageId, "failureCode": "UnsupportedImageType",
                                         "failureReason": "The image's manifest media type is not among the accepted media types"]))
                continue
            }
            images.append(.fields([
                "registryId": .string(repository.registryId),
                "repositoryName": .string(repository.name),
                "imageId": .fields(["imageDigest": .string(image.digest), "imageTag": SimulatedJSON.text(id.tag)]),
                "imageManifest": .string(image.manifest),
                "imageManifestMediaType": .string(image.mediaType),
            ]))
        }
        return .fields(["images": .array(images), "failures": .array(failures)])
    }

    private static func putImage(_ context: SimulatedRequestContext) throws(SimulatedFault) -> SimulatedJSON {
        let name = try context.string("repositoryName")
        let manifest = try context.string("imageManifest")
        let registry = try registry(context)
        try context.authorizeWrite(resource: "arn:aws:ecr:\(context.call.region):\(registry.id):repository/\(name)")
        guard registry.isShared, var repository = context.world.repository(name) else {
            throw SimulatedFault(code: "RepositoryNotFoundException",
                                 message: "The repository with name '\(name)' does not exist in the registry with id '\(registry.id)'")
        }
        let tag = try context.optionalString("imageTag")
        if let digest = try context.optionalString("imageDigest"), digest != SimulatedImage.digest(of: manifest) {
            throw SimulatedFault(code: "ImageDigestDoesNotMatchException",
                                 message: "The specified digest '\(digest)' does not match the digest of the manifest.")
        }
        let mediaType = try context.optionalString("imageManifestMediaType") ?? SimulatedManifest.mediaType
        let image = try repository.put(manifest: manifest, mediaType: mediaType, tag: tag, at: context.now)
        context.world.updateRepository(repository)
        return .fields(["image": .fields([
            "registryId": .string(repository.registryId),
            "repositoryName": .string(repository.name),
            "imageId": .fields(["imageDigest": .string(image.digest), "imageTag": SimulatedJSON.text(tag)]),
            "imageManifest": .string(image.manifest),
            "imageManifestMediaType": .string(image.mediaType),
        ])])
    }
}

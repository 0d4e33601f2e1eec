/// One ECR repository of the registry account and its images; a tag names at most one image.
package struct SimulatedRepository: Sendable {
    package var name: String
    package var arn: String
    package var uri: String
    package var createdAt: Double
    package var images: [SimulatedImage] = []

    package func image(tag: String) -> SimulatedImage? {
        images.first { $0.tags.contains(tag) }
    }

    package func image(digest: String) -> SimulatedImage? {
        images.first { $0.digest == digest }
    }

    /// The image named by a tag, a digest, or both (which must agree).
    package func image(tag: String?, digest: String?) -> SimulatedImage? {
        switch (tag, digest) {
        case let (tag?, digest?): return image(tag: tag).flatMap { $0.digest == digest ? $0 : nil }
        case let (tag?, nil): return image(tag: tag)
        case let (nil, digest?): return image(digest: digest)
        case (nil, nil): return nil
        }
    }

    /// Stores a manifest, moving `tag` to it from wherever it was (tags are mutable). Returns the stored image.
    package mutating func put(manifest: String, mediaType: String, tag: String?, at now: Double) throws(SimulatedFault) -> SimulatedImage {
        let digest = SimulatedImage.digest(of: manifest)
        if let existing = images.firstIndex(where: { $0.digest == digest }) {
            guard let tag, !images[existing].tags.contains(tag) else {
                let tagText = tag.map { " and tag '\($0)'" } ?? ""
                throw SimulatedFault(code: "ImageAlreadyExistsException",
                                     message: "Image with digest '\(digest)'\(tagText) already exists in the repository with name '\(name)' in the registry with id '\(registryId)'")
            }
            removeTag(tag)
            images[existing].tags.append(tag)
            return images[existing]
        }
        if let tag { removeTag(tag) }
        let image = SimulatedImage(manifest: manifest, mediaType: mediaType, tags: tag.map { [$0] } ?? [], pushedAt: Int(now))
        images.append(image)
        return image
    }

    /// The account id in the repository's ARN.
    package var registryId: String {
        String(arn.split(separator: ":")[4])
    }

    private mutating func removeTag(_ tag: String) {
        for index in images.indices {
            images[index].tags.removeAll { $0 == tag }
        }
    }
}

/// The docker v2 manifests of simulated builds: distinct per build, stable for a seed, pretty-printed as docker writes them.
package enum SimulatedManifest {
    package static let mediaType = "application/vnd.docker.distribution.manifest.v2+json"
    package static let configMediaType = "application/vnd.docker.container.image.v1+json"
    package static let layerMediaType = "application/vnd.docker.image.rootfs.diff.tar.gzip"

    /// The manifest of build `number` of `repository`; a bad build carries a `"bad"` quality label.
    package static func text(seed: UInt64, repository: String, build number: Int, isBad: Bool) -> String {
        let hash = SimulatedRandom.hash(seed, repository, "build", String(number))
        let config = blob(mediaType: configMediaType, size: 6000 + Int(hash % 3000), digest: SimulatedRandom.hex(hash, count: 64))
        // The base image layers are shared by every build of a repository; only the application layer changes.
        let base = SimulatedRandom.hash(seed, repository, "base")
        let layers = [
            blob(mediaType: layerMediaType, size: 29_000_000 + Int(base % 1_000_000), digest: SimulatedRandom.hex(base, count: 64)),
            blob(mediaType: layerMediaType, size: 12_000_000 + Int(base % 700_000), digest: SimulatedRandom.hex(SimulatedRandom.mix(base), count: 64)),
            blob(mediaType: layerMediaType, size: 800_000 + Int(hash % 9_000_000), digest: SimulatedRandom.hex(SimulatedRandom.mix(hash), count: 64)),
        ]
        var text = "{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"\(mediaType)\",\n   \"config\": \(config),\n   \"layers\": [\n      "
        text += layers.map { $0.replacingOccurrences(of: "\n   ", with: "\n      ") }.joined(separator: ",\n      ")
        text += "\n   ]"
        if isBad {
            // Docker v2 manifests have no labels of their own; ECR stores whatever JSON it is given, verbatim.
            text += ",\n   \"annotations\": {\n      \"com.example.build\": \"build-\(number)\",\n      \"com.example.quality\": \"bad\"\n   }"
        }
        return text + "\n}"
    }

    private static func blob(mediaType: String, size: Int, digest: String) -> String {
        "{\n      \"mediaType\": \"\(mediaType)\",\n      \"size\": \(size),\n      \"digest\": \"sha256:\(digest)\"\n   }"
    }
}

import Foundation

/// Seed inputs read from the repository's own fixtures, so fuzzing starts from what real replies and files look like.
package enum FuzzSeeds {
    /// The checkout this was built from: `Sources/AWSClient/Fuzzing/` is three folders below it.
    package static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bytes of each file ending in `suffix` directly in `folder` (relative to the repository), sorted by name;
    /// READMEs are not seeds.
    package static func files(in folder: String, suffix: String = "") -> [Data] {
        let directory = repository.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().compactMap {
            try? Data(contentsOf: directory.appendingPathComponent($0))
        }
    }

    /// The reply bodies of the recorded exchanges in `Tests/Fixtures/aws/<service>/`, every service when nil:
    /// JSON bodies re-serialised, XML bodies as their text.
    package static func replies(_ service: String? = nil, operation: String? = nil) -> [Data] {
        let root = "Tests/Fixtures/aws"
        let services = service.map { [$0] } ?? ((try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent(root).path)) ?? []).sorted()
        return services.flatMap { service in
            files(in: "\(root)/\(service)", suffix: operation.map { "\($0).json" } ?? ".json").compactMap(replyBody)
        }
    }

    private static func replyBody(_ fixture: Data) -> Data? {
        guard let document = try? JSONSerialization.jsonObject(with: fixture) as? [String: Any],
              let response = document["response"] as? [String: Any], let body = response["body"] else { return nil }
        if let text = body as? String { return Data(text.utf8) }
        return try? JSONSerialization.data(withJSONObject: body)
    }
}

import Crypto
import Foundation

/// One case of the botocore parity corpus (Tests/Integration/Parity/cases/*.json): the files, environment and
/// profile choice both resolvers are given, and, for a difference we keep on purpose, what ecsdash must do instead.
struct ParityCase: Decodable {
    /// What ecsdash does where it differs from botocore on purpose.
    struct Expectation: Decodable {
        var ok: Bool?
        var region: String?
        var error: String?
    }

    var what: String
    var config: String?
    var credentials: String?
    /// Further files by path relative to the case directory (the SSO cache, token files).
    var files: [String: String]?
    /// Added to (a nil value: removed from) the base environment.
    var env: [String: String?]?
    /// As `--profile`; nil leaves the choice to the environment.
    var profile: String?
    /// Compare the identity (GetCallerIdentity's ARN) rather than the keys: for roles, whose keys differ per call.
    var identity: Bool?
    /// AssumeRoleWithWebIdentity is unsigned, which moto with authentication on cannot take: let one call through.
    var web_identity: Bool?
    var intentional: String?
    var ecsdash: Expectation?

    /// The corpus directory beside the tests.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Parity")

    static func all() throws -> [(name: String, case: ParityCase)] {
        let folder = directory.appendingPathComponent("cases")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            (String(name.dropLast(5)), try JSONDecoder().decode(ParityCase.self, from: Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }

    /// Writes the case's files under `root` and returns the environment both resolvers get.
    func materialize(in root: URL, world: MotoWorld, ssoEndpoint: String, now: Date) throws -> [String: String] {
        let values = placeholders(root: root, world: world, now: now)
        func fill(_ text: String) -> String { Self.substitute(text, values) }
        var written: [String: String] = [:]
        if let config { written["config"] = config }
        if let credentials { written["credentials"] = credentials }
        for (path, text) in files ?? [:] { written[path] = text }
        for (path, text) in written {
            let file = root.appendingPathComponent(fill(path))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(fill(text).utf8).write(to: file)
        }
        var environment = [
            "HOME": root.path, "PATH": "/usr/bin:/bin", "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": root.appendingPathComponent("config").path,
            "AWS_SHARED_CREDENTIALS_FILE": root.appendingPathComponent("credentials").path,
            "AWS_ENDPOINT_URL_STS": world.endpoint, "AWS_ENDPOINT_URL_SSO": ssoEndpoint,
        ]
        for (key, value) in env ?? [:] { environment[key] = value.map(fill) }
        return environment
    }

    private func placeholders(root: URL, world: MotoWorld, now: Date) -> [String: String] {
        let stamp = ISO8601DateFormatter()
        let helpers = Self.directory.appendingPathComponent("helpers").path
        return [
            "CASE": root.path, "HELPERS": helpers, "HELPER": helpers + "/print-credentials", "MOTO": world.endpoint,
            "CI_KEY": world.users["ci"]!.access_key_id, "CI_SECRET": world.users["ci"]!.secret_access_key,
            "DEV_RO_ROLE": world.environment("dev").readonly_role_arn, "REG_RO_ROLE": world.registry.readonly_role_arn,
            "PAST": stamp.string(from: now.addingTimeInterval(-3600)), "FUTURE": stamp.string(from: now.addingTimeInterval(3600)),
        ]
    }

    /// Replaces `${NAME}` for the names given and `${SHA1:text}` with the SHA-1 of text (the SSO cache's file
    /// names); anything else, such as a `${VAR}` meant for botocore's own expansion, stays.
    static func substitute(_ text: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${"), let end = rest[start.upperBound...].firstIndex(of: "}") {
            result += rest[..<start.lowerBound]
            let name = String(rest[start.upperBound..<end])
            if name.hasPrefix("SHA1:") {
                result += Insecure.SHA1.hash(data: Data(name.dropFirst(5).utf8)).map { String(format: "%02x", $0) }.joined()
            } else {
                result += values[name] ?? "${\(name)}"
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}

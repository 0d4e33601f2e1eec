import Foundation
import TestSupport

/// Writes an ecsdash config describing the moto world, as a user would for their real accounts.
extension MotoWorld {
    func writeConfig(region: String? = nil, endpoint: String? = nil, extra: String = "") throws -> URL {
        var lines = [
            "region: \(region ?? self.region)",
            "endpoint_url: \(endpoint ?? self.endpoint)",
            "refresh: 5s",
            "registry:",
            "  account: \"\(registry.account)\"",
            "  role_arn: \(registry.readonly_role_arn)",
            "  deploy_role_arn: \(registry.deployer_role_arn)",
            "environments:",
        ]
        for environment in environments {
            lines += [
                "  - name: \(environment.name)",
                "    account: \"\(environment.account)\"",
                "    role_arn: \(environment.readonly_role_arn)",
                "    deploy_role_arn: \(environment.deployer_role_arn)",
                "    cluster: \(environment.cluster)",
            ]
            if environment.name == "prod" { lines.append("    protected: true") }
        }
        let directory = Scratch.directory("config")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("ecsdash.yaml")
        try (lines.joined(separator: "\n") + "\n" + extra).write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Environment variables carrying a base user's keys, as CI or a laptop would have them.
    func keys(of user: String) -> [String: String] {
        let user = users[user]!
        return ["AWS_ACCESS_KEY_ID": user.access_key_id, "AWS_SECRET_ACCESS_KEY": user.secret_access_key]
    }
}

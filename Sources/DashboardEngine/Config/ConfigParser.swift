import AWSClient
import DashboardModel
import Foundation
import Yams

/// Turns config text into a validated `DashboardConfig`; the first problem found becomes a `ConfigError`.
package struct ConfigParser {
    package static let topLevelKeys: Set<String> = [
        "region", "profile", "endpoint_url", "refresh", "problem_window", "stuck_after", "connect_timeout", "request_timeout", "theme", "read_only", "audit_log", "registry", "pipelines", "environments", "keys", "gates",
    ]
    package static let accountKeys: Set<String> = ["account", "region", "role_arn", "profile", "deploy_role_arn"]
    package static let environmentKeys: Set<String> = accountKeys.union(["name", "cluster", "services", "pipelines", "protected", "read_only"])

    package let reader: YAMLReader

    package init(file: String) {
        reader = YAMLReader(file: file)
    }

    package func parse(_ text: String) throws(ConfigError) -> DashboardConfig {
        guard let root = try reader.compose(text) else {
            throw reader.error(nil, "", "the file is empty; see ecsdash.example.yaml for a commented example")
        }
        var config = DashboardConfig(file: reader.file)
        var environmentsNode: Node?
        for (key, keyNode, value) in try reader.mapping(root, "", allowed: Self.topLevelKeys) {
            config.sources[key] = "\(reader.file):\(keyNode.mark?.line ?? 0)"
            switch key {
            case "region": config.region = try region(value, key)
            case "profile": config.profile = try reader.string(value, key)
            case "endpoint_url": config.endpointURL = try endpointURL(value, key)
            case "refresh": config.refresh = try duration(value, key, minimum: 1)
            case "problem_window": config.problemRules.window = try duration(value, key, minimum: 60)
            case "stuck_after": config.problemRules.stuckAfter = try duration(value, key, minimum: 60)
            case "connect_timeout": config.connectTimeout = try duration(value, key, minimum: 0.1)
            case "request_timeout": config.requestTimeout = try duration(value, key, minimum: 0.1)
            case "theme": config.theme = try reader.string(value, key)
            case "read_only": config.readOnly = try reader.bool(value, key)
            case "audit_log": config.auditLog = try reader.string(value, key)
            case "registry": config.registry = try account(value, key, allowed: Self.accountKeys)
            case "pipelines": config.pipelines = try reader.strings(value, key)
            case "environments":
                environmentsNode = value
                config.environments = try environments(value, key)
            case "keys": config.keys = try keyBindings(value, key)
            case "gates":
                for (gate, _, setting) in try reader.mapping(value, key, allowed: ["soak"]) where gate == "soak" {
                    config.soak = try duration(setting, "gates.soak", minimum: 0)
                }
            default: break
            }
        }
        guard !config.environments.isEmpty else {
            throw reader.error(environmentsNode ?? root, "environments", "at least one environment is required (name, account, cluster)")
        }
        return config
    }

    private func environments(_ node: Node, _ path: String) throws(ConfigError) -> [EnvironmentConfig] {
        var result: [EnvironmentConfig] = []
        for (index, item) in try reader.sequence(node, path).enumerated() {
            let itemPath = "\(path)[\(index)]"
            let pairs = try reader.mapping(item, itemPath, allowed: Self.environmentKeys)
            let value = { (key: String) in pairs.first { $0.key == key }?.value }
            guard let nameNode = value("name") else { throw reader.error(item, itemPath, "missing `name`") }
            let name = try reader.string(nameNode, "\(itemPath).name")
            guard name.range(of: "^[A-Za-z0-9][A-Za-z0-9_-]*$", options: .regularExpression) != nil else {
                throw reader.error(nameNode, "\(itemPath).name", "\(VisibleText.quoted(name)) is not a valid environment name (letters, digits, - and _)")
            }
            if result.contains(where: { $0.name == name }) {
                throw reader.error(nameNode, "\(itemPath).name", "duplicate environment name \(VisibleText.quoted(name))")
            }
            guard let clusterNode = value("cluster") else {
                throw reader.error(item, "\(itemPath).cluster", "missing `cluster` for environment \(VisibleText.quoted(name))")
            }
            var environment = EnvironmentConfig(
                name: name, access: try account(item, itemPath, allowed: Self.environmentKeys),
                cluster: try reader.string(clusterNode, "\(itemPath).cluster")
            )
            if let services = value("services") { environment.services = try reader.strings(services, "\(itemPath).services") }
            if let pipelines = value("pipelines") { environment.pipelines = try reader.strings(pipelines, "\(itemPath).pipelines") }
            if let protected = value("protected") { environment.isProtected = try reader.bool(protected, "\(itemPath).protected") }
            if let readOnly = value("read_only") { environment.readOnly = try reader.bool(readOnly, "\(itemPath).read_only") }
            result.append(environment)
        }
        return result
    }

    /// The account fields shared by `registry` and each environment.
    private func account(_ node: Node, _ path: String, allowed: Set<String>) throws(ConfigError) -> AccountConfig {
        let pairs = try reader.mapping(node, path, allowed: allowed)
        let value = { (key: String) in pairs.first { $0.key == key }?.value }
        guard let accountNode = value("account") else { throw reader.error(node, "\(path).account", "missing `account` (the 12-digit AWS account id)") }
        let accountId = try reader.string(accountNode, "\(path).account")
        guard accountId.range(of: "^[0-9]{12}$", options: .regularExpression) != nil else {
            throw reader.error(accountNode, "\(path).account", "\(VisibleText.quoted(accountId)) is not a 12-digit AWS account id (quote it: \"012345678901\")")
        }
        var account = AccountConfig(account: accountId)
        if let region = value("region") { account.region = try self.region(region, "\(path).region") }
        if let profile = value("profile") { account.profile = try reader.string(profile, "\(path).profile") }
        if let role = value("role_arn") { account.roleArn = try roleArn(role, "\(path).role_arn") }
        if let role = value("deploy_role_arn") { account.deployRoleArn = try roleArn(role, "\(path).deploy_role_arn") }
        if account.roleArn != nil && account.profile != nil {
            throw reader.error(node, path, "give either `role_arn` or `profile`, not both")
        }
        return account
    }

    private func roleArn(_ node: Node, _ path: String) throws(ConfigError) -> String {
        let arn = try reader.string(node, path)
        guard arn.range(of: "^arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$", options: .regularExpression) != nil else {
            throw reader.error(node, path, "\(VisibleText.quoted(arn)) is not an IAM role ARN (arn:aws:iam::123456789012:role/Name)")
        }
        return arn
    }

    private func region(_ node: Node, _ path: String) throws(ConfigError) -> String {
        let region = try reader.string(node, path)
        guard region.range(of: "^[a-z]{2}(-[a-z]+)+-[0-9]+$", options: .regularExpression) != nil else {
            throw reader.error(node, path, "\(VisibleText.quoted(region)) is not an AWS region (like eu-west-1)")
        }
        return region
    }

    private func endpointURL(_ node: Node, _ path: String) throws(ConfigError) -> String {
        let text = try reader.string(node, path)
        guard Endpoint(url: text) != nil else { throw reader.error(node, path, "\(VisibleText.quoted(text)) is not an http(s) URL") }
        return text
    }

    private func duration(_ node: Node, _ path: String, minimum: TimeInterval) throws(ConfigError) -> TimeInterval {
        let text = try reader.string(node, path)
        switch Duration.parse(text, minimum: minimum) {
        case .success(let seconds): return seconds
        case .failure(let problem): throw reader.error(node, path, problem.message(for: text))
        }
    }

    private func keyBindings(_ node: Node, _ path: String) throws(ConfigError) -> [String: String] {
        guard case .mapping(let mapping) = node else { throw reader.error(node, path, "expected a mapping of action to key") }
        var bindings: [String: String] = [:]
        for (keyNode, value) in mapping {
            let action = try reader.string(keyNode, path)
            bindings[action] = try reader.string(value, "\(path).\(action)")
        }
        return bindings
    }
}

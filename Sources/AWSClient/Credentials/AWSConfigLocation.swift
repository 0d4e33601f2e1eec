import Foundation

/// Where the AWS CLI keeps its files, worked out from an environment dictionary rather than the process.
enum AWSConfigLocation {
    static func configFile(environment: [String: String]) -> String {
        expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", environment: environment)
    }

    static func credentialsFile(environment: [String: String]) -> String {
        expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", environment: environment)
    }

    /// The directory `aws sso login` writes its token cache to.
    static func ssoCacheDirectory(environment: [String: String]) -> String {
        expand("~/.aws/sso/cache", environment: environment)
    }

    static func homeDirectory(environment: [String: String]) -> String {
        environment["HOME"] ?? nonEmpty(environment["USERPROFILE"]) ?? NSHomeDirectory()
    }

    /// `$VAR` and `${VAR}` first, then a leading `~`, as botocore expands these paths (Python's `expandvars`, then
    /// `expanduser`): people write `AWS_CONFIG_FILE='$HOME/x'` in files that never pass through a shell.
    static func expand(_ path: String, environment: [String: String]) -> String {
        let expanded = expandVariables(path, environment: environment)
        guard expanded == "~" || expanded.hasPrefix("~/") else { return expanded }
        var home = homeDirectory(environment: environment)
        while home.count > 1, home.hasSuffix("/") { home.removeLast() }
        let result = home + expanded.dropFirst()
        return result.isEmpty ? "/" : result
    }

    /// Replaces `$NAME` (letters, digits, `_`) and `${NAME}` with the variable's value; unset ones stay as written.
    static func expandVariables(_ text: String, environment: [String: String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            let name: Substring
            let end: Substring.Index
            if after.first == "{", let close = after.firstIndex(of: "}") {
                name = after[after.index(after: after.startIndex)..<close]
                end = after.index(after: close)
            } else {
                name = after.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                end = name.endIndex
            }
            if !name.isEmpty, let value = environment[String(name)] {
                result += value
            } else {
                result += rest[dollar..<end]
            }
            // Step past at least the `$`, so a lone `$` cannot stall the loop.
            rest = end > dollar ? rest[end...] : rest[rest.index(after: dollar)...]
        }
        return result + rest
    }

    static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}

import AWSClient
import Foundation

/// What one resolver made of a parity case: keys (or the identity they act as) and region, or a kind of failure.
struct ParityOutcome: Equatable, CustomStringConvertible {
    var ok: Bool
    var accessKeyId: String?
    var secretAccessKey: String?
    var sessionToken: String?
    var region: String?
    /// GetCallerIdentity's ARN, with a default role session name replaced by `<default-session>`.
    var arn: String?
    /// One of the `CredentialError.Cause` names (or `noCredentials`) when `ok` is false.
    var failure: String?
    /// The resolver's own words or class, for the report.
    var detail = ""

    /// The one table from botocore's exception classes to ecsdash's kinds of failure. Classes marked "crash" are
    /// botocore failing without meaning to (an uncaught Python error); ecsdash refuses the same input on purpose.
    static let botocoreClasses: [String: String] = [
        "ProfileNotFound": "profileNotFound",
        "ConfigParseError": "fileSyntax",
        "PartialCredentialsError": "partialKeys",
        "InvalidConfigError": "badSetting",
        "ValueError": "badSetting", // crash: shlex on an unbalanced quote in credential_process
        "InfiniteLoopConfigError": "sourceProfileCycle",
        "CredentialRetrievalError": "sourceFailed",
        "JSONDecodeError": "sourceFailed", // crash: a credential_process that prints something other than JSON
        "FileNotFoundError": "missingFile", // crash: a missing helper program or web identity token file
        "RuntimeError": "expired", // "Credentials were refreshed, but the refreshed credentials are still expired."
        "ClientError": "refusedByAWS",
        "UnauthorizedSSOTokenError": "ssoLogin",
        "SSOTokenLoadError": "ssoLogin",
        "TokenRetrievalError": "ssoLogin",
        "NoCredentials": "noCredentials",
    ]

    static func ecsdashKind(_ cause: CredentialError.Cause) -> String {
        switch cause {
        case .unspecified: "unspecified"
        case .profileNotFound: "profileNotFound"
        case .fileSyntax: "fileSyntax"
        case .partialKeys: "partialKeys"
        case .badSetting: "badSetting"
        case .sourceProfileCycle: "sourceProfileCycle"
        case .sourceFailed: "sourceFailed"
        case .missingFile: "missingFile"
        case .expired: "expired"
        case .refusedByAWS: "refusedByAWS"
        case .ssoLogin: "ssoLogin"
        }
    }

    /// resolve.py's JSON line.
    init(botocore data: Data) throws {
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        ok = json["ok"] as? Bool ?? false
        accessKeyId = json["access_key_id"] as? String
        secretAccessKey = json["secret_access_key"] as? String
        sessionToken = json["session_token"] as? String
        region = json["region"] as? String
        arn = (json["arn"] as? String).map(Self.normalized)
        if !ok {
            let name = json["error_class"] as? String ?? "?"
            failure = Self.botocoreClasses[name] ?? "unmapped botocore class \(name)"
            detail = "\(name): \(json["message"] as? String ?? "")"
        }
    }

    init(ok: Bool, credentials: Credentials? = nil, region: String? = nil, arn: String? = nil, failure: String? = nil, detail: String = "") {
        self.ok = ok
        accessKeyId = credentials?.accessKeyId
        secretAccessKey = credentials?.secretAccessKey
        sessionToken = credentials?.sessionToken
        self.region = region
        self.arn = arn.map(Self.normalized)
        self.failure = failure
        self.detail = detail
    }

    /// The two sides agree: the same keys (or identity, when compared) and region, or the same kind of failure.
    func agrees(with other: ParityOutcome, byIdentity: Bool) -> Bool {
        guard ok == other.ok else { return false }
        guard ok else { return failure == other.failure }
        if region != other.region { return false }
        if byIdentity { return arn != nil && arn == other.arn }
        return accessKeyId == other.accessKeyId && secretAccessKey == other.secretAccessKey && sessionToken == other.sessionToken
    }

    /// Role session names that each side makes up (`botocore-session-<ts>`, `ecsdash-<ts>`) compare equal.
    static func normalized(_ arn: String) -> String {
        guard let slash = arn.lastIndex(of: "/") else { return arn }
        let session = arn[arn.index(after: slash)...]
        for prefix in ["botocore-session-", "ecsdash-"] where session.hasPrefix(prefix) && session.dropFirst(prefix.count).allSatisfy(\.isNumber) {
            return arn[...slash] + "<default-session>"
        }
        return arn
    }

    var description: String {
        guard ok else { return "failed (\(failure ?? "?")) \(detail.prefix(160))" }
        let who = arn ?? "key \(accessKeyId ?? "nil")"
        return "ok \(who), region \(region ?? "none")"
    }
}

import Crypto
import Foundation

/// Role credentials from AWS IAM Identity Center, using the token `aws sso login` cached on disk.
///
/// ecsdash never opens a browser or refreshes the token itself: when the token is missing or
/// expired, the error tells the person which `aws sso login` to run.
struct SSOCredentialProvider: CredentialProvider {
    static let name = "sso"

    /// The profile to name in `aws sso login --profile …`.
    var profileName: String
    var startURL: String
    var region: String
    var accountId: String
    var roleName: String
    /// The `[sso-session]` name; nil for legacy profiles, whose cache is keyed by the start URL.
    var sessionName: String?
    var cacheDirectory: String
    /// For `AWS_ENDPOINT_URL_SSO` (or `AWS_ENDPOINT_URL`), which botocore honours for the portal as for any service.
    var environment: [String: String] = [:]
    var transport: any HTTPTransport
    var clock: any AWSClock

    func credentials() async throws -> Credentials {
        let token = try cachedToken()
        var request = HTTPRequest(
            method: "GET",
            endpoint: try portalEndpoint(),
            path: "/federation/credentials",
            query: [QueryItem("account_id", accountId), QueryItem("role_name", roleName)]
        )
        request.headers.set("x-amz-sso_bearer_token", token)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            throw CredentialError.failed(Self.name, .sourceFailed, "could not reach the SSO portal: \(error)")
        }
        if response.status == 401 || response.status == 403 {
            throw CredentialError.failed(Self.name, .ssoLogin, loginHint("the SSO portal rejected the cached token (HTTP \(response.status))"))
        }
        guard response.isSuccess else {
            throw CredentialError.failed(Self.name, .refusedByAWS, "the SSO portal answered HTTP \(response.status) for account \(accountId), role \(roleName)")
        }
        return try Self.roleCredentials(from: response.body)
    }

    /// The portal in `region`, unless the environment overrides it.
    func portalEndpoint() throws(CredentialError) -> Endpoint {
        for variable in ["AWS_ENDPOINT_URL_SSO", "AWS_ENDPOINT_URL"] {
            guard let value = AWSConfigLocation.nonEmpty(environment[variable]) else { continue }
            guard let endpoint = Endpoint(url: value) else {
                throw CredentialError.failed(Self.name, .badSetting, "\(variable) is not a valid endpoint URL: \(value)")
            }
            return endpoint
        }
        return Endpoint(host: "portal.sso.\(region).amazonaws.com")
    }

    /// `~/.aws/sso/cache/<sha1 of the session name, or of the start URL for legacy profiles>.json`.
    var cacheFile: String {
        let key = sessionName ?? startURL
        let digest = Insecure.SHA1.hash(data: Data(key.utf8))
        return cacheDirectory + "/" + Hex.lowerString(digest) + ".json"
    }

    func cachedToken() throws(CredentialError) -> String {
        guard let data = FileManager.default.contents(atPath: cacheFile) else {
            throw CredentialError.failed(Self.name, .ssoLogin, loginHint("no cached SSO token was found"))
        }
        guard let cached = try? JSONDecoder().decode(CachedToken.self, from: data), !cached.accessToken.isEmpty else {
            throw CredentialError.failed(Self.name, .ssoLogin, loginHint("the cached SSO token at \(cacheFile) is unreadable"))
        }
        guard let expiry = ISO8601Timestamp.parse(cached.expiresAt), expiry > clock.now() else {
            throw CredentialError.failed(Self.name, .ssoLogin, loginHint("the cached SSO token has expired"))
        }
        return cached.accessToken
    }

    func loginHint(_ reason: String) -> String {
        "\(reason) for profile \(profileName); run `aws sso login --profile \(profileName)` and try again"
    }

    static func roleCredentials(from body: Data) throws(CredentialError) -> Credentials {
        guard let decoded = try? JSONDecoder().decode(PortalResponse.self, from: body) else {
            throw CredentialError.failed(name, .sourceFailed, "the SSO portal's answer did not hold role credentials")
        }
        let role = decoded.roleCredentials
        return Credentials(
            accessKeyId: role.accessKeyId,
            secretAccessKey: role.secretAccessKey,
            sessionToken: role.sessionToken,
            expiration: role.expiration.map { Date(timeIntervalSince1970: $0 / 1000) }
        )
    }

    /// The fields of the cache file we need; it also holds client registration details we ignore.
    private struct CachedToken: Decodable {
        var accessToken: String
        var expiresAt: String
    }

    /// `GetRoleCredentials`' answer; `expiration` is in epoch milliseconds.
    private struct PortalResponse: Decodable {
        struct RoleCredentials: Decodable {
            var accessKeyId: String
            var secretAccessKey: String
            var sessionToken: String?
            var expiration: Double?
        }

        var roleCredentials: RoleCredentials
    }
}

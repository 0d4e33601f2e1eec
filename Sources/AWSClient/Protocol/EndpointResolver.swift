/// Picks the endpoint for a service in a region: an explicit override, then the AWS CLI's
/// `AWS_ENDPOINT_URL_<SERVICE>` and `AWS_ENDPOINT_URL`, then a profile's `endpoint_url`, then the partition default.
public struct EndpointResolver: Sendable {
    /// An override that is not an http(s) URL.
    public struct InvalidOverride: Error, Sendable, Equatable, CustomStringConvertible {
        public let source: String
        public let value: String
        public var description: String { "\(source) is not a valid endpoint URL: \(value)" }
    }

    public var explicitOverride: String?
    public var environment: [String: String]
    public var profileEndpoint: String?

    public init(explicitOverride: String? = nil, environment: [String: String] = [:], profileEndpoint: String? = nil) {
        self.explicitOverride = explicitOverride
        self.environment = environment
        self.profileEndpoint = profileEndpoint
    }

    public func endpoint(for service: AWSServiceDescriptor, region: String) throws -> Endpoint {
        for (source, value) in overrides(for: service) {
            guard let endpoint = Endpoint(url: value) else { throw InvalidOverride(source: source, value: value) }
            return endpoint
        }
        return Endpoint(host: "\(service.hostPrefix).\(region).\(EndpointResolver.dnsSuffix(forRegion: region))")
    }

    private func overrides(for service: AWSServiceDescriptor) -> [(String, String)] {
        var candidates: [(String, String)] = []
        if let explicitOverride, !explicitOverride.isEmpty { candidates.append(("endpoint override", explicitOverride)) }
        let ignoreConfigured = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        guard !ignoreConfigured else { return candidates }
        let serviceVariable = "AWS_ENDPOINT_URL_" + service.endpointEnvironmentSuffix
        if let value = environment[serviceVariable], !value.isEmpty { candidates.append((serviceVariable, value)) }
        if let value = environment["AWS_ENDPOINT_URL"], !value.isEmpty { candidates.append(("AWS_ENDPOINT_URL", value)) }
        if let profileEndpoint, !profileEndpoint.isEmpty { candidates.append(("profile endpoint_url", profileEndpoint)) }
        return candidates
    }

    /// The partition's DNS suffix: China and the isolated regions differ; GovCloud shares the commercial one.
    public static func dnsSuffix(forRegion region: String) -> String {
        if region.hasPrefix("cn-") { return "amazonaws.com.cn" }
        if region.hasPrefix("us-isob-") { return "sc2s.sgov.gov" }
        if region.hasPrefix("us-iso-") { return "c2s.ic.gov" }
        return "amazonaws.com"
    }

    /// The ARN partition for a region (`aws`, `aws-cn`, `aws-us-gov`, …).
    public static func partition(forRegion region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        if region.hasPrefix("us-isob-") { return "aws-iso-b" }
        if region.hasPrefix("us-iso-") { return "aws-iso" }
        return "aws"
    }
}

import Foundation

/// Everything the clients for one account and region share: credentials, transport, endpoints,
/// retry policy and budget, the account's rate limiter, the clock and the learned clock skew.
public struct AWSClientContext: Sendable {
    public var region: String
    public var credentials: any CredentialProvider
    public var transport: any HTTPTransport
    public var endpoints: EndpointResolver
    public var clock: any AWSClock
    public var retryPolicy: RetryPolicy
    public var retryBudget: RetryBudget
    public var rateLimiter: RateLimiter?
    public var clockSkew: ClockSkew
    /// A poller's decoded replies, reused while a reply's bytes are unchanged; nil (the default) decodes every reply.
    public var replyCache: DecodedReplyCache?

    public init(region: String, credentials: any CredentialProvider, transport: any HTTPTransport,
                endpointOverride: String? = nil, environment: [String: String] = [:], clock: any AWSClock = SystemClock(),
                profileEndpoint: String? = nil, retryPolicy: RetryPolicy = RetryPolicy(), retryBudget: RetryBudget = RetryBudget(),
                rateLimiter: RateLimiter? = nil, clockSkew: ClockSkew = ClockSkew()) {
        self.region = region
        self.credentials = credentials
        self.transport = transport
        self.endpoints = EndpointResolver(explicitOverride: endpointOverride, environment: environment, profileEndpoint: profileEndpoint)
        self.clock = clock
        self.retryPolicy = retryPolicy
        self.retryBudget = retryBudget
        self.rateLimiter = rateLimiter
        self.clockSkew = clockSkew
    }

    /// The same account and settings with other credentials (an assumed role, for example).
    public func with(credentials: any CredentialProvider) -> AWSClientContext {
        var copy = self
        copy.credentials = credentials
        return copy
    }
}

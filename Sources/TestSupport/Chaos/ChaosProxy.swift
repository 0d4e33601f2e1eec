import AWSClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A fault-injecting HTTP server on loopback that stands in front of an AWS implementation (moto, or the
/// simulated fleet): clients are pointed at `endpoint`, and each request is passed on, refused, cut off, reset,
/// answered with a lie or left hanging, as the `FaultPlan` says. Tests and the soak benchmark use it.
public final class ChaosProxy: Sendable {
    /// `http://127.0.0.1:PORT`, for `endpoint_url`.
    public let endpoint: String
    private let route: ChaosRoute
    private let channel: any Channel

    /// Starts listening on a free loopback port. `accounts` maps base users' access key ids to their accounts;
    /// keys of assumed roles are learned from the AssumeRole answers that pass through.
    public static func start(upstream: any HTTPTransport, upstreamEndpoint: Endpoint, plan: FaultPlan = .none, seed: UInt64 = 1,
                             accounts: [String: String] = [:]) async throws -> ChaosProxy {
        let route = ChaosRoute(state: ChaosState(plan: plan, seed: seed, accounts: accounts), upstream: upstream, upstreamEndpoint: upstreamEndpoint)
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline(withErrorHandling: true).flatMapThrowing {
                    try channel.pipeline.syncOperations.addHandler(ChaosHandler(route: route))
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        return ChaosProxy(channel: channel, route: route)
    }

    private init(channel: any Channel, route: ChaosRoute) {
        self.channel = channel
        self.route = route
        endpoint = "http://127.0.0.1:\(channel.localAddress?.port ?? 0)"
    }

    /// From the next request on, faults follow `plan`.
    public func setPlan(_ plan: FaultPlan) { route.state.setPlan(plan) }

    public var statistics: ChaosStatistics { route.state.currentStatistics }
    public func resetStatistics() { route.state.resetStatistics() }

    /// Tells the proxy whose key this is, for rules by account.
    public func learn(accessKeyId: String, account: String) { route.state.learn(accessKeyId: accessKeyId, account: account) }

    /// Stops accepting connections; open ones end when their clients close them.
    public func stop() async {
        try? await channel.close()
    }
}

/// Where the proxy's connections send what they pass on, and the state they share.
package struct ChaosRoute: Sendable {
    package let state: ChaosState
    package let upstream: any HTTPTransport
    package let upstreamEndpoint: Endpoint
}

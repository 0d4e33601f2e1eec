import AWSClient
import Foundation
import TestSupport

extension MotoWorld {
    /// A chaos proxy in front of this world's moto that knows which account each base user's key belongs to.
    func chaosProxy(_ plan: FaultPlan = .none, seed: UInt64 = 1) async throws -> ChaosProxy {
        let upstream = AsyncHTTPTransport(settings: TransportSettings(connectTimeout: 5, requestTimeout: 30))
        let accounts = Dictionary(users.values.map { ($0.access_key_id, $0.account) }) { first, _ in first }
        return try await ChaosProxy.start(upstream: upstream, upstreamEndpoint: Endpoint(url: endpoint)!, plan: plan, seed: seed, accounts: accounts)
    }
}

import AWSClient

extension SimulatorHarness {
    /// The AWS error a call threw; nil when it succeeded or threw something else, which fails the caller's
    /// comparison with the error it expected.
    package static func error<T>(_ body: () async throws -> T) async -> AWSError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return error as? AWSError
        }
    }
}

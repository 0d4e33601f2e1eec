import AWSClient
import Foundation

/// Raw JSON in and out, for limit checks the typed clients would never send.
package struct RawJSON {
    package let client: AWSServiceClient

    package init(client: AWSServiceClient) {
        self.client = client
    }

    package func call(_ operation: String, _ body: String) async throws -> [String: Any] {
        let data = try await client.jsonRaw(operation, body: Data(body.utf8))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Missing(what: "a JSON object in the reply to \(operation)") }
        return object
    }
}

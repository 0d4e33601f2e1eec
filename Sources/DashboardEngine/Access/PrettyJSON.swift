import Foundation

/// Raw AWS JSON replies as people read them: indented, keys sorted, slashes left alone.
package enum PrettyJSON {
    /// The reply indented; bytes that are not JSON come back as they are, so nothing the service said is lost.
    package static func text(_ data: Data) throws -> String {
        guard !data.isEmpty, let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            return String(decoding: data, as: UTF8.self)
        }
        let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        return String(decoding: pretty, as: UTF8.self)
    }
}

import Foundation

/// Credentials shaped like AWS's, drawn from a seeded generator, and the check that no text holds any stretch of
/// them; for the dashboard's tests.
package struct LeakSamples {
    package static let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    package let accessKeyId: String
    package let secretAccessKey: String
    package let sessionToken: String
    /// A web identity JWT, an SSO access token, a metadata or container token: what proves the caller in turn.
    package let bearerToken: String
    /// A stretch this long of a value counts as a leak: half a secret left by a cut reply is one too.
    package static let window = 12
    private var stretches: [ArraySlice<UInt8>: String] = [:]

    package init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        func draw(_ count: Int, _ alphabet: [Character] = Self.base64) -> String {
            String((0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        accessKeyId = "ASIA" + draw(16, Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"))
        secretAccessKey = draw(40)
        sessionToken = "IQoJb3JpZ2luX2VjE" + draw(420) + "=="
        let url = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        bearerToken = "eyJhbGciOiJSUzI1NiJ9.eyJ" + draw(180, url) + "." + draw(342, url)
        remember()
    }

    /// Values seen elsewhere (the simulator's keys, read from its replies).
    package init(accessKeyId: String, secretAccessKey: String, sessionToken: String) {
        (self.accessKeyId, self.secretAccessKey, self.sessionToken, bearerToken) = (accessKeyId, secretAccessKey, sessionToken, "")
        remember()
    }

    private mutating func remember() {
        for (name, value) in [("access key id", accessKeyId), ("secret access key", secretAccessKey), ("session token", sessionToken),
                              ("bearer token", bearerToken)] where value.utf8.count >= Self.window {
            let bytes = Array(value.utf8)
            for start in 0...(bytes.count - Self.window) { stretches[bytes[start..<(start + Self.window)]] = name }
        }
    }

    package func leaks(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        guard bytes.count >= Self.window else { return [] }
        var found: Set<String> = []
        for start in 0...(bytes.count - Self.window) {
            if let name = stretches[bytes[start..<(start + Self.window)]] { found.insert(name) }
        }
        return found.sorted()
    }

    /// What a test reports when `text` holds a secret; nil when it holds none.
    package func leakReport(in text: String, context: String) -> String? {
        let leaks = leaks(in: text)
        return leaks.isEmpty ? nil : "\(context): \(leaks.joined(separator: ", ")) in: \(text.prefix(3000))"
    }

    /// `good` cut at `cuts` points and inside each secret, reshaped, in a proxy's HTML page, empty, and huge.
    package func brokenVariants(of good: String, reshaped: String, cuts: Int = 12) -> [(name: String, body: Data)] {
        let bytes = Array(good.utf8)
        var points = Set(stride(from: 1, to: bytes.count, by: max(1, bytes.count / cuts)))
        points.insert(bytes.count / 2)
        for value in [accessKeyId, secretAccessKey, sessionToken] {
            guard let range = good.range(of: value) else { continue }
            let start = good.utf8.distance(from: good.utf8.startIndex, to: range.lowerBound)
            points.formUnion([start + 1, start + value.utf8.count / 2, start + value.utf8.count - 1])
        }
        var variants = points.sorted().map { ("cut at byte \($0) of \(bytes.count)", Data(bytes[..<$0])) }
        variants.append(("reshaped", Data(reshaped.utf8)))
        variants.append(("proxy HTML page", Data("<html><body><h1>502 Bad Gateway</h1><pre>\(good)</pre></body></html>".utf8)))
        variants.append(("empty", Data()))
        let noise = String(repeating: "lorem ipsum ", count: 60_000)
        variants.append(("huge", Data((noise + good + noise + good.prefix(good.count / 2)).utf8)))
        return variants
    }
}

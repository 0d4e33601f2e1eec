import Foundation
import XCTest

/// Credentials shaped like AWS's, drawn from a seeded generator, and the check that no text holds any stretch of
/// them; the dashboard's side of `Tests/AWSClientTests/Support/SampleSecrets.swift` (test targets share no code).
struct LeakSamples {
    static let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    let accessKeyId: String
    let secretAccessKey: String
    let sessionToken: String
    /// A web identity JWT, an SSO access token, a metadata or container token: what proves the caller in turn.
    let bearerToken: String
    /// A stretch this long of a value counts as a leak: half a secret left by a cut reply is one too.
    static let window = 12
    private var stretches: [ArraySlice<UInt8>: String] = [:]

    init(seed: UInt64) {
        var random = SplitMix64(state: seed)
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
    init(accessKeyId: String, secretAccessKey: String, sessionToken: String) {
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

    func leaks(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        guard bytes.count >= Self.window else { return [] }
        var found: Set<String> = []
        for start in 0...(bytes.count - Self.window) {
            if let name = stretches[bytes[start..<(start + Self.window)]] { found.insert(name) }
        }
        return found.sorted()
    }

    func assertNoLeak(in text: String, _ context: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        let leaks = leaks(in: text)
        if !leaks.isEmpty { XCTFail("\(context()): \(leaks.joined(separator: ", ")) in: \(text.prefix(3000))", file: file, line: line) }
    }

    /// `good` cut at `cuts` points and inside each secret, reshaped, in a proxy's HTML page, empty, and huge.
    func brokenVariants(of good: String, reshaped: String, cuts: Int = 12) -> [(name: String, body: Data)] {
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

/// A seeded generator, so that every run draws the same secrets.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

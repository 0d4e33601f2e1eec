import Foundation
import XCTest

/// Credentials shaped like AWS's (an `ASIA` key id, a 40-character secret, a long session token, an OIDC token),
/// drawn from a seeded generator so every failure can be replayed, with the assertion that none of them leaked.
struct SampleSecrets {
    static let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    static let keyIdAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    let accessKeyId: String
    let secretAccessKey: String
    let sessionToken: String
    /// What proves the caller in turn (a web identity JWT, an SSO access token, a metadata or container token).
    let bearerToken: String
    /// Every `window`-byte stretch of every value (all ASCII), with the value it came from: a text is checked by
    /// sliding a window over it once, whatever the secrets' length.
    private var stretches: [ArraySlice<UInt8>: String] = [:]

    init(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        accessKeyId = "ASIA" + Self.draw(16, from: Self.keyIdAlphabet, &random)
        secretAccessKey = Self.draw(40, from: Self.base64, &random)
        // Real session tokens start with a fixed protobuf-ish prefix and run to several hundred characters.
        sessionToken = "IQoJb3JpZ2luX2VjE" + Self.draw(300 + Int(random.next() % 400), from: Self.base64, &random) + "=="
        bearerToken = Self.jwt(&random)
        for (name, value) in all {
            let bytes = Array(value.utf8)
            for start in 0...(bytes.count - Self.window) { stretches[bytes[start..<(start + Self.window)]] = name }
        }
    }

    static func draw(_ count: Int, from alphabet: [Character], _ random: inout SeededGenerator) -> String {
        String((0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    /// `header.payload.signature`, base64url, as an OIDC provider signs it.
    static func jwt(_ random: inout SeededGenerator) -> String {
        let url = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return "eyJhbGciOiJSUzI1NiIsImtpZCI6I" + draw(20, from: url, &random) + ".eyJ" + draw(180, from: url, &random) + "." + draw(342, from: url, &random)
    }

    var all: [(name: String, value: String)] {
        [("access key id", accessKeyId), ("secret access key", secretAccessKey), ("session token", sessionToken), ("bearer token", bearerToken)]
    }

    /// The whole values, and any stretch of `window` characters of them, so that half a secret left by a cut reply
    /// counts as a leak too.
    static let window = 12

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
        if !leaks.isEmpty {
            XCTFail("\(context()): \(leaks.joined(separator: ", ")) in: \(text.prefix(2000))", file: file, line: line)
        }
    }

    /// Everything an error can show: what `\(error)`, `String(reflecting:)` and `localizedDescription` print, and a
    /// `dump` of its stored fields (an AWS error inside it included).
    static func texts(of error: any Error) -> [String] {
        var dumped = ""
        dump(error, to: &dumped)
        return ["\(error)", String(reflecting: error), error.localizedDescription, dumped]
    }
}

import Foundation

/// The ways a reply that carries credentials arrives broken: cut off at many points (inside each secret too),
/// reshaped, wrapped in a proxy's HTML page, empty, or huge.
enum BrokenReplies {
    struct Variant {
        var name: String
        var body: Data
    }

    /// `good` broken in every way; `reshaped` is the same document with its keys in the wrong place or of the
    /// wrong type, since that is format-specific. `cuts` spreads that many cut points evenly, and adds some
    /// inside each secret value, where a cut leaves half a secret.
    static func variants(of good: String, secrets: SampleSecrets, reshaped: String, cuts: Int = 40) -> [Variant] {
        let bytes = Array(good.utf8)
        var points = Set(stride(from: 1, to: bytes.count, by: max(1, bytes.count / cuts)))
        for (_, value) in secrets.all {
            guard let range = good.range(of: value) else { continue }
            let start = good.utf8.distance(from: good.utf8.startIndex, to: range.lowerBound)
            let length = value.utf8.count
            points.formUnion([start, start + 1, start + length / 2, start + length - 1, start + length])
        }
        var variants = points.filter { $0 > 0 && $0 < bytes.count }.sorted().map { Variant(name: "cut at byte \($0) of \(bytes.count)", body: Data(bytes[..<$0])) }
        variants += [
            Variant(name: "cut in half", body: Data(bytes[..<(bytes.count / 2)])),
            Variant(name: "reshaped", body: Data(reshaped.utf8)),
            Variant(name: "proxy HTML page quoting the reply",
                    body: Data("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><pre>\(good)</pre></body></html>".utf8)),
            Variant(name: "plain text dump", body: Data(("upstream said: " + good.replacingOccurrences(of: "<", with: " ").replacingOccurrences(of: ">", with: " ")).utf8)),
            Variant(name: "empty", body: Data()),
            Variant(name: "whitespace", body: Data(" \n\t\n".utf8)),
            Variant(name: "twice", body: Data((good + good).utf8)),
            Variant(name: "huge", body: huge(around: good)),
        ]
        return variants
    }

    /// A megabyte of noise with the reply in the middle and again cut at the end.
    static func huge(around good: String) -> Data {
        let noise = String(repeating: "lorem ipsum dolor sit amet ", count: 20_000)
        var text = noise + good + noise + good
        text.removeLast(good.utf8.count / 2)
        return Data(text.utf8)
    }
}

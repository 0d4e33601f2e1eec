/// Percent-encoding as SigV4 defines it: every byte outside `A-Z a-z 0-9 - . _ ~` becomes `%XX` (upper-case hex).
public enum URIEncoding {
    /// Encodes a query key or value (or any string) completely.
    public static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        append(text, to: &out, keepSlash: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes a path, keeping `/` separators.
    public static func encodePath(_ path: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        append(path, to: &out, keepSlash: true)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the encoding of `text` to a byte buffer; the signer builds its canonical request this way.
    @inline(__always)
    static func append(_ text: String, to out: inout [UInt8], keepSlash: Bool) {
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(Hex.upper[Int(byte >> 4)])
                out.append(Hex.upper[Int(byte & 0x0F)])
            }
        }
    }

    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Decodes `%XX` sequences; malformed escapes are kept literally. `+` stays `+` (SigV4 is not form encoding).
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var input = Array(text.utf8)[...]
        while let byte = input.popFirst() {
            if byte == UInt8(ascii: "%"), input.count >= 2,
               let high = Hex.value(input[input.startIndex]), let low = Hex.value(input[input.startIndex + 1]) {
                bytes.append(high << 4 | low)
                input = input.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import Foundation

/// Hex digits for digests and percent-escapes, without Foundation's formatting costs.
enum Hex {
    static let lower: [UInt8] = Array("0123456789abcdef".utf8)
    static let upper: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends the lower-case hex of `bytes` to `out`.
    @inline(__always)
    static func appendLower<Bytes: Sequence>(_ bytes: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
        for byte in bytes {
            out.append(lower[Int(byte >> 4)])
            out.append(lower[Int(byte & 0x0F)])
        }
    }

    /// Lower-case hex of a digest or byte array, written straight into the string's storage.
    static func lowerString(_ value: some ContiguousBytes) -> String {
        value.withUnsafeBytes { bytes in lowerString(bytes) }
    }

    private static func lowerString(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = lower[Int(byte >> 4)]
                buffer[index + 1] = lower[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

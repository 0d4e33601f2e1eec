@testable import AWSClient
import XCTest

/// The fingerprint that decides whether a reply's element is one seen before.
final class ByteFingerprintTests: XCTestCase {
    private func fingerprint(_ bytes: [UInt8]) -> ByteFingerprint {
        bytes.withUnsafeBytes(ByteFingerprint.init)
    }

    /// Lengths around the 16-byte block and the 8-byte word, so the tail and its padding are covered.
    private let lengths = [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 191, 192, 193, 1000]

    private func sample(length: Int) -> [UInt8] {
        (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    }

    func testTheSameBytesGiveTheSameFingerprintWhereverTheyLie() {
        for length in lengths {
            let bytes = sample(length: length)
            // Misaligned copies inside a larger buffer, as elements lie inside a reply.
            for shift in 0..<3 {
                let padded = [UInt8](repeating: 0xAA, count: shift) + bytes + [0xBB]
                let inside = padded.withUnsafeBytes { ByteFingerprint(UnsafeRawBufferPointer(rebasing: $0[shift..<(shift + length)])) }
                XCTAssertEqual(inside, fingerprint(bytes), "length \(length), shift \(shift)")
            }
        }
    }

    func testEverySingleBitChangeGivesAnotherFingerprint() {
        for length in lengths where length > 0 {
            let bytes = sample(length: length)
            let original = fingerprint(bytes)
            for index in bytes.indices {
                for bit in 0..<8 {
                    var changed = bytes
                    changed[index] ^= 1 << bit
                    let other = fingerprint(changed)
                    XCTAssertNotEqual(other, original, "length \(length), byte \(index), bit \(bit)")
                    // Each half on its own tells them apart too: neither lane is dead weight.
                    XCTAssertNotEqual(other.low, original.low, "length \(length), byte \(index), bit \(bit)")
                    XCTAssertNotEqual(other.high, original.high, "length \(length), byte \(index), bit \(bit)")
                }
            }
        }
    }

    func testTrailingZerosAndSwappedWordsAreNotTheSameBytes() {
        XCTAssertNotEqual(fingerprint([1, 2, 3]), fingerprint([1, 2, 3, 0]))
        XCTAssertNotEqual(fingerprint([]), fingerprint([0]))
        let first = sample(length: 16)
        let swapped = Array(first[8...] + first[..<8])
        XCTAssertNotEqual(fingerprint(first), fingerprint(swapped))
        let blocks = sample(length: 32)
        let blocksSwapped = Array(blocks[16...] + blocks[..<16])
        XCTAssertNotEqual(fingerprint(blocks), fingerprint(blocksSwapped))
    }

    /// Elements of one reply differ in a few bytes (an id, a time): none of a thousand such should meet.
    func testNearlyIdenticalElementsAllDiffer() {
        var seen = Set<[UInt64]>()
        for number in 0..<1000 {
            let id = String(String(number).reversed()).padding(toLength: 8, withPad: "0", startingAt: 0)
            let bytes = Array(#"{"taskArn":"arn:aws:ecs:eu-west-1:111111111111:task/dev/\#(id)","lastStatus":"RUNNING"}"#.utf8)
            let print = fingerprint(bytes)
            XCTAssertTrue(seen.insert([print.low, print.high]).inserted, "element \(number)")
        }
    }
}

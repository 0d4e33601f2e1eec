@testable import AWSClient
import Foundation
import XCTest

final class CanonicalizationTests: XCTestCase {
    func canonical(path: String = "/", query: [QueryItem] = [], headers: [(String, String)] = [("Host", "h")], encodePath: Bool = true) -> String {
        CanonicalRequest(method: "GET", path: path, query: query, headers: HTTPHeaders(headers), payloadHash: "-",
                         encodePath: encodePath, normalizePath: true).text
    }

    func line(_ number: Int, of text: String) -> String {
        text.components(separatedBy: "\n")[number]
    }

    func testWirePathIsEncodedAgainForNonS3Services() {
        XCTAssertEqual(line(1, of: canonical(path: "/example%20space/")), "/example%2520space/")
        XCTAssertEqual(line(1, of: canonical(path: "/example%20space/", encodePath: false)), "/example%20space/")
    }

    func testQueryEncodingSpacesTildeUnicodeAndPlus() {
        let text = canonical(query: [QueryItem("a b", "c d"), QueryItem("tilde", "~x"), QueryItem("ሴ", "é"), QueryItem("plus", "1+1")])
        XCTAssertEqual(line(2, of: text), "%E1%88%B4=%C3%A9&a%20b=c%20d&plus=1%2B1&tilde=~x")
    }

    func testRepeatedAndEmptyQueryKeys() {
        let text = canonical(query: [QueryItem("b", "2"), QueryItem("a", "z"), QueryItem("a", "y"), QueryItem("acl", "")])
        XCTAssertEqual(line(2, of: text), "a=y&a=z&acl=&b=2")
    }

    func testHeadersLowercasedSortedTrimmedAndUnsignedOnesDropped() {
        let text = canonical(headers: [("Host", "h"), ("X-B", "  two   words "), ("x-a", "1"), ("X-A", "2"), ("User-Agent", "curl"), ("Connection", "close")])
        XCTAssertEqual(text.components(separatedBy: "\n")[3...6].joined(separator: "|"), "host:h|x-a:1,2|x-b:two words|")
        XCTAssertEqual(line(7, of: text), "host;x-a;x-b")
    }

    func testDotSegments() {
        XCTAssertEqual(CanonicalRequest.removeDotSegments("/a/b/../c/./d/"), "/a/c/d/")
        XCTAssertEqual(CanonicalRequest.removeDotSegments("/../.."), "/")
        XCTAssertEqual(CanonicalRequest.removeDotSegments("//a//b"), "/a/b")
        XCTAssertEqual(CanonicalRequest.removeDotSegments("/plain/path"), "/plain/path")
    }

    func testAMZDate() {
        XCTAssertEqual(AMZDate(Date(timeIntervalSince1970: 1_440_938_160)).timestamp, "20150830T123600Z")
        XCTAssertEqual(AMZDate(Date(timeIntervalSince1970: 951_782_400)).day, "20000229")
        XCTAssertEqual(AMZDate(Date(timeIntervalSince1970: 1_798_761_599.9)).timestamp, "20261231T235959Z")
    }

    func testSigningKeyMatchesTheDocumentedExample() {
        let key = SigningKeyCache.derive(secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", day: "20150830", region: "us-east-1", service: "iam")
        XCTAssertEqual(Hex.lowerString(key.bytes), "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    }

    func testCacheDoesNotMaskAWrongSecret() {
        let cache = SigningKeyCache()
        let right = cache.key(secret: "right", accessKeyId: "AK", day: "20260101", region: "r", service: "s")
        let wrong = cache.key(secret: "wrong", accessKeyId: "AK", day: "20260101", region: "r", service: "s")
        XCTAssertNotEqual(right.bytes, wrong.bytes)
        XCTAssertEqual(cache.key(secret: "wrong", accessKeyId: "AK", day: "20260101", region: "r", service: "s").bytes, wrong.bytes)
    }

    /// The secret and token never show, nor the whole key id: its kind and last four characters tell keys apart.
    func testCredentialsDescriptionIsRedacted() {
        let credentials = Credentials(accessKeyId: "ASIAQWERTYUIOPASWXYZ", secretAccessKey: "SECRET123", sessionToken: "TOKEN456")
        XCTAssertFalse("\(credentials)".contains("SECRET123"))
        XCTAssertFalse("\(credentials)".contains("TOKEN456"))
        XCTAssertFalse(String(reflecting: credentials).contains("SECRET123"))
        XCTAssertFalse("\(credentials)".contains("ASIAQWERTYUIOPASWXYZ"))
        XCTAssertTrue("\(credentials)".contains("ASIA…WXYZ"), "\(credentials)")
        XCTAssertFalse("\(Credentials(accessKeyId: "AKIDX", secretAccessKey: "s"))".contains("AKIDX"), "a short id is not abbreviated but hidden")
    }
}

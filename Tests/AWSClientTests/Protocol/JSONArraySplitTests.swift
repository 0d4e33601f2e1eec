@testable import AWSClient
import Foundation
import XCTest

/// Finding a top-level array's elements by bytes, and leaving the rest of the document decodable.
final class JSONArraySplitTests: XCTestCase {
    private func elements(_ json: String, key: String) -> [String]? {
        let data = Data(json.utf8)
        return JSONArraySplit(data, key: key).map { split in
            split.elements.map { String(decoding: data[$0], as: UTF8.self) }
        }
    }

    func testFindsEachElementPastEarlierMembersWithNestingAndEscapes() {
        let json = #"{"failures":[{"arn":"x","reason":"MISSING"}], "note":"a \"}]\" b", "tasks" : [ {"a":[1,{"b":"]"}]} , "s\"q", 42 ,null,[] ],"z":true}"#
        XCTAssertEqual(elements(json, key: "tasks"), [#"{"a":[1,{"b":"]"}]}"#, #""s\"q""#, "42", "null", "[]"])
    }

    func testRemainderIsTheDocumentWithTheArrayEmptied() throws {
        let data = Data(#"{"tasks":[{"id":1},{"id":2}],"failures":[]}"#.utf8)
        let split = try XCTUnwrap(JSONArraySplit(data, key: "tasks"))
        XCTAssertEqual(String(decoding: split.remainder, as: UTF8.self), #"{"tasks":[],"failures":[]}"#)
        XCTAssertEqual(String(decoding: data[split.array], as: UTF8.self), #"[{"id":1},{"id":2}]"#)
    }

    /// Found by fuzzing: after a trailing comma and whitespace at the end of the document, the split asked the
    /// known-element callback about the offset one past the last byte, which a callback then read.
    func testTheKnownElementCallbackIsNeverAskedPastTheEnd() throws {
        for json in [#"{"tasks":[1,   "#, #"{"tasks":[   "#, #"{"tasks":[{"a":1} ,"#] {
            let data = Data(json.utf8)
            XCTAssertNil(JSONArraySplit(data, key: "tasks") { buffer, start in
                XCTAssertLessThan(start, buffer.count, json)
                return nil
            })
        }
        let found = try XCTUnwrap(Data(base64Encoded: "CQkJCQkJCXsic2VydmAsZVx1MTYxNQAAwI1ucyI6CgoKCgoKCgoKaW5nZUFYZUFYW3MiOq6vr6+vr6+nICAgLCAgICAgICAgICAgICAgICJ0YXNrcyI6ICAgICAgW3MiOq6vr6+vr6+nICAgLCAgICAgICAgICAgICAgICAgICAgICAgICAKCgoKCgoKCgoKCgoKCgoKCgoKCgpzIjqur6+vr6+vpyAgICwgICAgICAgICAgICAgICAgICAgICAgICAgCgoKCgoKCgoKCgoKCgoKCgo6rq+vr6+vr6cgICAsICAgICAgICAgICAgICAgICAgICAgICAgIAoKCgoKCgoKCgoK"))
        XCTAssertNil(AWSClientFuzzTargets.arraySplit.run(found))
    }

    func testEmptyArrayHasNoElements() {
        XCTAssertEqual(elements(#"{"tasks":[ ]}"#, key: "tasks"), [])
    }

    func testWorksOnADataSliceThatDoesNotStartAtZero() throws {
        let whole = Data(#"xx{"tasks":[{"id":1}]}"#.utf8)
        let slice = whole[2...]
        let split = try XCTUnwrap(JSONArraySplit(slice, key: "tasks"))
        XCTAssertEqual(split.elements, [10..<18])
        XCTAssertEqual(split.array, 9..<19)
        XCTAssertEqual(String(decoding: split.remainder, as: UTF8.self), #"{"tasks":[]}"#)
    }

    func testNilWhenTheKeyIsMissingNotAnArrayOrOnlyNested() {
        XCTAssertNil(elements(#"{"failures":[]}"#, key: "tasks"))
        XCTAssertNil(elements(#"{"tasks":"none"}"#, key: "tasks"))
        XCTAssertNil(elements(#"{"outer":{"tasks":[1]}}"#, key: "tasks"))
        XCTAssertNil(elements(#"[{"tasks":[1]}]"#, key: "tasks"))
    }

    func testNilWhenTheDocumentEndsEarly() {
        XCTAssertNil(elements(#"{"tasks":[{"a":"b"}"#, key: "tasks"))
        XCTAssertNil(elements(#"{"tasks":[{"a":"b}]}"#, key: "tasks"))
        XCTAssertNil(elements(#"{"tasks""#, key: "tasks"))
    }

    func testAKnownElementIsJumpedOverWithoutBeingRead() {
        // The "known" element's bytes are not even valid JSON: the scan must trust the length it was given.
        let json = #"{"tasks":[XXXXXXX,{"b":2}]}"#
        let data = Data(json.utf8)
        let split = JSONArraySplit(data, key: "tasks") { _, start in start == 10 ? 7 : nil }
        XCTAssertEqual(split?.elements, [10..<17, 18..<25])
    }
}

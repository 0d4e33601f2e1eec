@testable import AWSClient
import Foundation
import XCTest

/// The streaming request encoder against `JSONEncoder` with AWS's settings: the same JSON for every shape.
final class JSONRequestEncoderTests: XCTestCase {
    private struct Everything: Encodable {
        struct Inner: Encodable {
            var name: String
            var values: [Int]
        }

        var text = "plain"
        var escaped = "quote \" backslash \\ slash / newline \n tab \t bell \u{7} é ☺"
        var flag = true
        var int = -42
        var int8: Int8 = -8
        var int64: Int64 = 9_007_199_254_740_993
        var uint8: UInt8 = 255
        var uint64: UInt64 = 18_000_000_000_000_000_000
        var float: Float = 1.5
        var double = 0.1
        var integral = 3.0
        var large = 1.0e20
        var date = Date(timeIntervalSince1970: 1_790_000_000.25)
        var data = Data([0, 1, 2, 250])
        var missing: String? = nil
        var present: String? = "here"
        var list = ["a", "b \"quoted\" \\ \n"]
        var lists = [["x", "y"], []]
        var empty: [String] = []
        var nested = [Inner(name: "x", values: [1, 2]), Inner(name: "y", values: [])]
        var map = ["k": ["v": 1]]
    }

    private func object(_ data: Data) throws -> NSDictionary {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    func testEncodesLikeJSONEncoder() throws {
        let ours = try JSONRequestEncoder.encode(Everything())
        let reference = try AWSJSON.encoder.encode(Everything())
        XCTAssertEqual(try object(ours), try object(reference), String(decoding: ours, as: UTF8.self))
        XCTAssertFalse(String(decoding: ours, as: UTF8.self).contains("missing"), "nil members are left out")
    }

    func testTaskDefinitionRegistrationWithUnmodeledFieldsMatches() throws {
        let body = try AWSFixture("ecs/DescribeTaskDefinition").response.body
        struct Described: Decodable { var taskDefinition: ECSTaskDefinition }
        let definition = try AWSJSON.decode(Described.self, from: body, unit: .seconds).taskDefinition
        XCTAssertEqual(try object(JSONRequestEncoder.encode(definition)), try object(AWSJSON.encoder.encode(definition)))
        let input = ECSRegisterTaskDefinitionInput(definition: definition, tags: [ECSTag(key: "team", value: "web")])
        XCTAssertEqual(try object(JSONRequestEncoder.encode(input)), try object(AWSJSON.encoder.encode(input)))
    }

    func testNestedContainersAndSuperEncodersCloseInOrder() throws {
        struct Custom: Encodable {
            enum Keys: String, CodingKey { case a, b, c, d }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .a)
                try inner.encode(1, forKey: .b)
                var list = container.nestedUnkeyedContainer(forKey: .c)
                try list.encode("x")
                var deeper = list.nestedContainer(keyedBy: Keys.self)
                try deeper.encode(true, forKey: .d)
                try container.encode("last", forKey: .d)
                var again = encoder.container(keyedBy: Keys.self)  // a second container continues the object
                try again.encode(2, forKey: .b)
            }
        }
        let json = String(decoding: try JSONRequestEncoder.encode(Custom()), as: UTF8.self)
        XCTAssertEqual(json, #"{"a":{"b":1},"c":["x",{"d":true}],"d":"last","b":2}"#)
    }

    func testAnEmptyValueIsAnEmptyObject() throws {
        struct Nothing: Encodable { var absent: String? }
        XCTAssertEqual(String(decoding: try JSONRequestEncoder.encode(Nothing()), as: UTF8.self), "{}")
    }

    func testNonFiniteNumbersAndMisuseThrow() {
        struct NotANumber: Encodable { var value = Double.nan }
        XCTAssertThrowsError(try JSONRequestEncoder.encode(NotANumber()))
        struct Twice: Encodable {
            func encode(to encoder: any Encoder) throws {
                var single = encoder.singleValueContainer()
                try single.encode(1)
                try single.encode(2)
            }
        }
        XCTAssertThrowsError(try JSONRequestEncoder.encode(Twice()))
        struct Mixed: Encodable {
            enum Keys: CodingKey { case a }
            func encode(to encoder: any Encoder) throws {
                var keyed = encoder.container(keyedBy: Keys.self)
                try keyed.encode(1, forKey: .a)
                var list = encoder.unkeyedContainer()
                try list.encode(2)
            }
        }
        XCTAssertThrowsError(try JSONRequestEncoder.encode(Mixed()))
    }
}

@testable import AWSClient
import Foundation
import XCTest

/// Reply decoding's messages: a field that is not a timestamp is named, and none of the reply's text is quoted
/// (a reply may carry a secret; the field's name is enough to act on).
final class AWSJSONTests: XCTestCase {
    func testANonTimestampIsNamedNotQuoted() throws {
        let long = String(repeating: "x", count: 100_000)
        let body = Data(#"{"pipelines":[{"name":"p","created":"\#(long)"}]}"#.utf8)
        XCTAssertThrowsError(try AWSJSON.decode(CodePipelineListPipelinesOutput.self, from: body, unit: .seconds)) { error in
            let message = AWSJSON.describe(error)
            XCTAssertTrue(message.hasPrefix("pipelines.[0].created: "), message)
            XCTAssertFalse(message.contains("xxxx"), message)
            XCTAssertLessThan(message.count, 100, message)
        }
    }
}

import Foundation
import XCTest
@testable import AWSClient

/// Reply decoding's messages: a field that is not a timestamp is named, and the reply's text is not quoted whole.
final class AWSJSONTests: XCTestCase {
    func testANonTimestampIsQuotedShort() throws {
        let long = String(repeating: "x", count: 100_000)
        let body = Data(#"{"pipelines":[{"name":"p","created":"\#(long)"}]}"#.utf8)
        XCTAssertThrowsError(try AWSJSON.decode(CodePipelineListPipelinesOutput.self, from: body, unit: .seconds)) { error in
            let message = AWSJSON.describe(error)
            XCTAssertEqual(message, "pipelines.[0].created: not a timestamp: \(String(repeating: "x", count: 64))…")
        }
    }
}

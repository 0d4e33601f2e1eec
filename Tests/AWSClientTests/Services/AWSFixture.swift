@testable import AWSClient
import Foundation
import TestSupport
import XCTest

/// A recorded exchange from Tests/Fixtures/aws/<service>/<Operation>.json: the request a client should
/// send (X-Amz-Target and JSON body, or a query form) and the reply AWS gives.
struct AWSFixture {
    let target: String?
    /// The expected JSON request body, canonicalised (sorted keys) for comparison.
    let requestJSON: String?
    let requestForm: String?
    let response: HTTPResponse
    /// The reply body as a JSON object, for tests that build variations of it.
    let responseObject: [String: Any]

    init(_ name: String) throws {
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Fixtures.data("aws/\(name).json")) as? [String: Any])
        let request = try XCTUnwrap(document["request"] as? [String: Any])
        let response = try XCTUnwrap(document["response"] as? [String: Any])
        target = request["target"] as? String
        requestJSON = try request["body"].map(Self.canonical)
        requestForm = request["form"] as? String
        let body: Data
        if let text = response["body"] as? String {
            body = Data(text.utf8)
            responseObject = [:]
        } else {
            let object = try XCTUnwrap(response["body"] as? [String: Any])
            body = try JSONSerialization.data(withJSONObject: object)
            responseObject = object
        }
        self.response = HTTPResponse(status: response["status"] as? Int ?? 200, headers: HTTPHeaders(), body: body)
    }

    /// Checks a sent request against the recorded one.
    func assertMatches(_ request: HTTPRequest?, file: StaticString = #filePath, line: UInt = #line) throws {
        let request = try XCTUnwrap(request, "no request was sent", file: file, line: line)
        if let target {
            XCTAssertEqual(request.headers["X-Amz-Target"], target, file: file, line: line)
            XCTAssertEqual(request.headers["Content-Type"], "application/x-amz-json-1.1", file: file, line: line)
            XCTAssertEqual(try Self.canonical(request.body), requestJSON, file: file, line: line)
        }
        if let requestForm {
            XCTAssertEqual(String(decoding: request.body, as: UTF8.self), requestForm, file: file, line: line)
        }
    }

    /// A JSON value as sorted-key JSON text, so that two bodies compare by content, not by key order.
    static func canonical(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    static func canonical(_ body: Data) throws -> String {
        try canonical(try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]))
    }

    /// The JSON object a request carried.
    static func body(_ request: HTTPRequest) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
    }

    /// A 200 reply with this JSON object as its body.
    static func reply(_ object: [String: Any]) -> HTTPResponse {
        // The objects come from tests, so serialising them cannot fail.
        HTTPResponse(status: 200, headers: HTTPHeaders(), body: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    /// A client context for unit tests: fixed credentials, no retries, a manual clock.
    static func context(_ transport: ScriptedTransport) -> AWSClientContext {
        AWSClientContext(region: "eu-west-1", credentials: StaticCredentialProvider.test, transport: transport, clock: ManualClock(),
                         retryPolicy: .none)
    }
}

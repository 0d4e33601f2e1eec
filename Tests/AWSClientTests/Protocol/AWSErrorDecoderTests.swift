@testable import AWSClient
import Foundation
import XCTest

final class AWSErrorDecoderTests: XCTestCase {
    func decode(_ status: Int, _ body: String, headers: [(String, String)] = []) -> AWSError {
        AWSErrorDecoder.decode(ScriptedTransport.json(status, body, headers: headers), service: "ECS", operation: "ListServices")
    }

    func testJSONTypeWithNamespacePrefix() {
        let error = decode(400, #"{"__type":"com.amazonaws.ecs#ClusterNotFoundException","message":"Cluster not found."}"#,
                           headers: [("x-amzn-RequestId", "req-1")])
        XCTAssertEqual(error.code, "ClusterNotFoundException")
        XCTAssertEqual(error.message, "Cluster not found.")
        XCTAssertEqual(error.requestId, "req-1")
        XCTAssertEqual(error.status, 400)
        XCTAssertEqual(error.kind, .client)
        XCTAssertEqual(error.description, "ECS ListServices failed: ClusterNotFoundException (HTTP 400): Cluster not found. [request id req-1]")
    }

    func testJSONCapitalMessageAndErrorTypeHeader() {
        let error = decode(400, #"{"Message":"User is not authorized"}"#,
                           headers: [("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/")])
        XCTAssertEqual(error.code, "AccessDeniedException")
        XCTAssertEqual(error.message, "User is not authorized")
        XCTAssertEqual(error.kind, .accessDenied)
    }

    func testXMLErrorResponseEvenOnAJSONService() {
        // moto answers JSON APIs with XML bodies for auth failures.
        let body = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match.</Message></Error><RequestId>abc-123</RequestId></ErrorResponse>
        """
        let error = decode(403, body, headers: [("Content-Type", "application/json")])
        XCTAssertEqual(error.code, "SignatureDoesNotMatch")
        XCTAssertEqual(error.requestId, "abc-123")
        XCTAssertEqual(error.kind, .invalidCredentials)
    }

    func testQueryProtocolAccessDenied() {
        let error = decode(403, "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not allowed</Message></Error></ErrorResponse>")
        XCTAssertEqual(error.code, "AccessDenied")
        XCTAssertEqual(error.kind, .accessDenied)
    }

    func testHTMLServerErrorBecomesTransientWithSnippet() {
        let error = decode(500, "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>The server encountered an internal error and was unable to complete your request.</p></body></html>")
        XCTAssertEqual(error.code, "HTTP500")
        XCTAssertEqual(error.status, 500)
        XCTAssertEqual(error.kind, .transient)
        XCTAssertTrue(error.message.contains("Internal Server Error"), error.message)
        XCTAssertFalse(error.message.contains("<"), error.message)
        XCTAssertLessThan(error.message.count, 200)
    }

    func testEmptyBodyAndThrottlingStatus() {
        XCTAssertEqual(decode(429, "").kind, .throttling)
        XCTAssertEqual(decode(503, "").kind, .transient)
        XCTAssertTrue(decode(502, "").message.contains("empty body"))
    }

    func testClassification() {
        func kind(_ code: String, _ message: String = "", status: Int = 400) -> AWSErrorKind {
            AWSError(service: "S", operation: "O", status: status, code: code, message: message).kind
        }
        XCTAssertEqual(kind("ThrottlingException"), .throttling)
        XCTAssertEqual(kind("Throttling"), .throttling)
        XCTAssertEqual(kind("TooManyRequestsException"), .throttling)
        XCTAssertEqual(kind("RequestLimitExceeded"), .throttling)
        XCTAssertEqual(kind("ProvisionedThroughputExceededException"), .throttling)
        XCTAssertEqual(kind("ServiceUnavailable", status: 503), .transient)
        XCTAssertEqual(kind("ConnectTimeout", status: 0), .transient)
        XCTAssertEqual(kind("AccessDeniedException"), .accessDenied)
        XCTAssertEqual(kind("UnrecognizedClientException"), .invalidCredentials)
        XCTAssertEqual(kind("ExpiredTokenException"), .invalidCredentials)
        XCTAssertEqual(kind("InvalidSignatureException", "Signature expired: 20260101T000000Z is now earlier than 20260101T000500Z"), .clockSkew)
        XCTAssertEqual(kind("InvalidSignatureException", "The request signature we calculated does not match"), .invalidCredentials)
        XCTAssertEqual(kind("RequestTimeTooSkewed"), .clockSkew)
        XCTAssertEqual(kind("InvalidParameterException"), .client)
    }

    /// STS replies carry credentials: an error body it cannot read is only measured. Other services' bodies are
    /// quoted, scrubbed, capped and without markup.
    func testABodyIsQuotedOnlyForServicesWithoutCredentialsAndThenScrubbed() {
        let secrets = SampleSecrets(seed: 21)
        let page = "<html><body><h1>502 Bad Gateway</h1><p>\(secrets.accessKeyId) \(secrets.secretAccessKey)</p>"
            + "<SessionToken>\(secrets.sessionToken)</SessionToken><p>Authorization: Bearer \(secrets.bearerToken)</p></body></html>"
        let sts = AWSErrorDecoder.decode(ScriptedTransport.json(502, page), service: "STS", operation: "AssumeRole")
        XCTAssertEqual(sts.message, "unexpected response (\(page.utf8.count) bytes)")
        XCTAssertEqual(sts.code, "HTTP502")
        let ecs = AWSErrorDecoder.decode(ScriptedTransport.json(502, page), service: "ECS", operation: "ListServices")
        XCTAssertTrue(ecs.message.hasPrefix("unexpected response: 502 Bad Gateway [redacted] [redacted]"), ecs.message)
        let unknown = AWSErrorDecoder.decode(ScriptedTransport.json(502, page), service: "Elsewhere", operation: "Op")
        XCTAssertEqual(unknown.message, "unexpected response (\(page.utf8.count) bytes)", "a service that is none of ours is not quoted")
        for error in [sts, ecs, unknown] {
            for text in SampleSecrets.texts(of: error) { secrets.assertNoLeak(in: text, error.service) }
        }
    }

    /// AWS's own error messages are kept, scrubbed: a proxy or a broken server may echo a request's token in one.
    func testAnErrorMessageThatQuotesATokenIsScrubbed() {
        let secrets = SampleSecrets(seed: 22)
        let body = "<ErrorResponse><Error><Code>InvalidIdentityToken</Code><Message>token \(secrets.bearerToken) is expired</Message></Error>"
            + "<RequestId>\(secrets.secretAccessKey)</RequestId></ErrorResponse>"
        let error = AWSErrorDecoder.decode(ScriptedTransport.json(400, body), service: "STS", operation: "AssumeRoleWithWebIdentity")
        XCTAssertEqual(error.code, "InvalidIdentityToken")
        XCTAssertEqual(error.message, "token [redacted] is expired")
        XCTAssertEqual(error.description, "STS AssumeRoleWithWebIdentity failed: InvalidIdentityToken (HTTP 400): token [redacted] is expired [request id [redacted]]")
        var changed = error
        changed.message = "again \(secrets.sessionToken)"
        XCTAssertEqual(changed.message, "again [redacted]", "a message set later is scrubbed too")
    }

    /// Whatever a huge body holds, the snippet is short and a token cut by its window is not left half-visible.
    func testASnippetOfAHugeBodyIsCappedAndCutTokensAreDropped() {
        let secrets = SampleSecrets(seed: 23)
        let filler = String(repeating: "<b></b>", count: 8192 / 7)
        let body = Data((filler + secrets.sessionToken + " tail").utf8)
        let window = AWSErrorDecoder.window(body)
        XCTAssertLessThanOrEqual(window.count, 8192)
        XCTAssertFalse(String(decoding: window, as: UTF8.self).contains("IQoJb3"), "the token the window cuts is left out whole")
        let snippet = AWSErrorDecoder.snippet(body)
        secrets.assertNoLeak(in: snippet, "huge body")
        XCTAssertLessThanOrEqual(snippet.count, 161)
    }
}


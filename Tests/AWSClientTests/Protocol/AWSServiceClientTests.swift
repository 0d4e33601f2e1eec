@testable import AWSClient
import Foundation
import TestSupport
import XCTest

final class AWSServiceClientTests: XCTestCase {
    struct Empty: Codable {}
    struct ListServicesInput: Codable { let cluster: String }
    struct ListServicesOutput: Codable { let serviceArns: [String] }

    func context(_ transport: ScriptedTransport, clock: ManualClock, maxAttempts: Int = 4, budget: RetryBudget = RetryBudget()) -> AWSClientContext {
        AWSClientContext(
            region: "eu-west-1", credentials: StaticCredentialProvider.test, transport: transport, clock: clock,
            retryPolicy: RetryPolicy(maxAttempts: maxAttempts, baseDelay: 2, maxDelay: 20, random: { 0.5 }),
            retryBudget: budget
        )
    }

    func testJSONRequestShape() async throws {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(200, #"{"serviceArns":["arn:a"]}"#)])
        let client = AWSServiceClient(service: .ecs, context: context(transport, clock: ManualClock()))
        let output = try await client.json("ListServices", ListServicesInput(cluster: "app-dev"), as: ListServicesOutput.self)
        XCTAssertEqual(output.serviceArns, ["arn:a"])
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(request.method, "POST")
        XCTAssertEqual(request.url.absoluteString, "https://ecs.eu-west-1.amazonaws.com/")
        XCTAssertEqual(request.headers["X-Amz-Target"], "AmazonEC2ContainerServiceV20141113.ListServices")
        XCTAssertEqual(request.headers["Content-Type"], "application/x-amz-json-1.1")
        XCTAssertEqual(String(decoding: request.body, as: UTF8.self), #"{"cluster":"app-dev"}"#)
        let authorization = try XCTUnwrap(request.headers["Authorization"])
        XCTAssertTrue(authorization.contains("/eu-west-1/ecs/aws4_request"), authorization)
        XCTAssertTrue(authorization.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target,"), authorization)
    }

    func testQueryRequestShape() async throws {
        let reply = "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AID</UserId><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(200, reply)])
        let identity = try await STSClient(context: context(transport, clock: ManualClock())).getCallerIdentity()
        XCTAssertEqual(identity, CallerIdentity(arn: "arn:aws:iam::123456789012:user/ci", account: "123456789012", userId: "AID"))
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(String(decoding: request.body, as: UTF8.self), "Action=GetCallerIdentity&Version=2011-06-15")
        XCTAssertEqual(request.headers["Content-Type"], "application/x-www-form-urlencoded; charset=utf-8")
        XCTAssertEqual(request.url.host, "sts.eu-west-1.amazonaws.com")
    }

    func testThrottlingIsRetriedWithBackoffAndEveryRetryIsResigned() async throws {
        let throttled = ScriptedTransport.json(400, #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)
        let transport = ScriptedTransport(responses: [throttled, throttled, ScriptedTransport.json(200, #"{"serviceArns":[]}"#)])
        let clock = ManualClock(advancesOnSleep: true)
        let client = AWSServiceClient(service: .ecs, context: context(transport, clock: clock))
        _ = try await client.json("ListServices", ListServicesInput(cluster: "c"), as: ListServicesOutput.self)
        XCTAssertEqual(transport.requests.count, 3)
        // Full jitter with random pinned at 0.5: 0.5 × 2 s, then 0.5 × 4 s.
        XCTAssertEqual(clock.sleptSeconds, 3, accuracy: 1e-9)
        let dates = transport.requests.map { $0.headers["X-Amz-Date"] }
        XCTAssertEqual(Set(dates).count, 3, "each attempt is signed with its own date: \(dates)")
        XCTAssertEqual(Set(transport.requests.map { $0.headers["Authorization"] }).count, 3)
    }

    func testBackoffIsCapped() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 1, maxDelay: 5, random: { 0.999 })
        XCTAssertEqual(policy.delay(beforeRetry: 0), 0.999, accuracy: 1e-9)
        XCTAssertEqual(policy.delay(beforeRetry: 2), 3.996, accuracy: 1e-9)
        XCTAssertEqual(policy.delay(beforeRetry: 40), 4.995, accuracy: 1e-9)
    }

    func testGivesUpAfterMaxAttemptsWithTheLastError() async {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(503, "<html>busy</html>")])
        let client = AWSServiceClient(service: .ecs, context: context(transport, clock: ManualClock(advancesOnSleep: true), maxAttempts: 3))
        do {
            _ = try await client.json("ListServices", ListServicesInput(cluster: "c"), as: ListServicesOutput.self)
            XCTFail("expected an error")
        } catch let error as AWSError {
            XCTAssertEqual(error.code, "HTTP503")
            XCTAssertEqual(error.kind, .transient)
        } catch {
            XCTFail("unexpected \(error)")
        }
        XCTAssertEqual(transport.requests.count, 3)
    }

    func testAccessDeniedIsNotRetried() async {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(400, #"{"__type":"AccessDeniedException","message":"no"}"#)])
        let client = AWSServiceClient(service: .ecs, context: context(transport, clock: ManualClock(advancesOnSleep: true)))
        await XCTAssertThrowsAWSError(try await client.json("ListServices", ListServicesInput(cluster: "c"), as: ListServicesOutput.self), code: "AccessDeniedException")
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testRetryBudgetStopsRetriesWhenSpent() async {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(500, "")])
        let budget = RetryBudget(capacity: 5, retryCost: 5, timeoutCost: 10)
        let client = AWSServiceClient(service: .ecs, context: context(transport, clock: ManualClock(advancesOnSleep: true), maxAttempts: 5, budget: budget))
        await XCTAssertThrowsAWSError(try await client.json("ListServices", ListServicesInput(cluster: "c"), as: ListServicesOutput.self), code: "HTTP500")
        XCTAssertEqual(transport.requests.count, 2, "one retry paid for, then the budget is empty")
        XCTAssertEqual(budget.remaining, 0)
    }

    func testTransportErrorsAreRetriedAndReported() async {
        let transport = ScriptedTransport { _, _ in throw TransportError(.connectTimeout, host: "ecs.eu-west-1.amazonaws.com", message: "timed out") }
        let client = AWSServiceClient(service: .ecs, context: context(transport, clock: ManualClock(advancesOnSleep: true), maxAttempts: 2))
        await XCTAssertThrowsAWSError(try await client.json("ListServices", ListServicesInput(cluster: "c"), as: ListServicesOutput.self), code: "ConnectTimeout")
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testClockSkewIsLearnedFromTheDateHeaderAndRetriedOnce() async throws {
        let clock = ManualClock(now: Date(timeIntervalSince1970: 1_790_000_000))
        // The server is one hour ahead of us.
        let serverDate = "Tue, 22 Sep 2026 15:33:20 GMT" // 1_790_004_800 - 1200 … computed below
        let serverTime = try XCTUnwrap(ClockSkew.parseHTTPDate(serverDate))
        let skewed = ScriptedTransport.json(400, #"{"__type":"InvalidSignatureException","message":"Signature expired: 20260922T153320Z is now earlier than 20260922T162320Z (20260922T163820Z - 15 min.)"}"#,
                                            headers: [("Date", serverDate)])
        let transport = ScriptedTransport(responses: [skewed, ScriptedTransport.json(200, #"{"serviceArns":[]}"#)])
        let client = AWSServiceClient(service: .ecs, context: context(transport, clock: clock))
        _ = try await client.json("ListServices", ListServicesInput(cluster: "c"), as: ListServicesOutput.self)
        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertEqual(client.context.clockSkew.seconds, serverTime.timeIntervalSince(clock.now()), accuracy: 0.001)
        XCTAssertEqual(transport.requests[1].headers["X-Amz-Date"], AMZDate(serverTime).timestamp)
        XCTAssertEqual(clock.sleptSeconds, 0, "a skew correction is retried at once")
    }

    func testClockSkewIsCorrectedOnlyOnce() async {
        let skewed = ScriptedTransport.json(400, #"{"__type":"InvalidSignatureException","message":"Signature expired: a is now earlier than b"}"#,
                                            headers: [("Date", "Tue, 22 Sep 2026 15:33:20 GMT")])
        let transport = ScriptedTransport(responses: [skewed])
        let client = AWSServiceClient(service: .ecs, context: context(transport, clock: ManualClock()))
        await XCTAssertThrowsAWSError(try await client.json("ListServices", ListServicesInput(cluster: "c"), as: ListServicesOutput.self), code: "InvalidSignatureException")
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testDecodingFailureNamesTheField() async {
        let transport = ScriptedTransport(responses: [ScriptedTransport.json(200, #"{"serviceArns":"oops"}"#)])
        let client = AWSServiceClient(service: .ecs, context: context(transport, clock: ManualClock()))
        do {
            _ = try await client.json("ListServices", ListServicesInput(cluster: "c"), as: ListServicesOutput.self)
            XCTFail("expected an error")
        } catch let error as AWSError {
            XCTAssertEqual(error.code, "DeserializationError")
            XCTAssertTrue(error.message.contains("serviceArns"), error.message)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    /// A reply whose field holds a key where a list should be, or a token where a timestamp should be: the error
    /// names the field and the type wanted, never the value.
    func testDecodingFailuresNeverQuoteTheValue() async {
        let secrets = SampleSecrets(seed: 31)
        struct Stamp: Decodable { let at: Date }
        let replies: [String] = [
            #"{"serviceArns":"\#(secrets.secretAccessKey)"}"#,
            #"{"serviceArns":["\#(secrets.accessKeyId)", 5]}"#,
            #"{"serviceArns":null,"x":"\#(secrets.sessionToken)"}"#,
            #"{"serviceArns":["\#(secrets.sessionToken)"#,
            "\(secrets.secretAccessKey)",
        ]
        for reply in replies {
            let transport = ScriptedTransport(responses: [ScriptedTransport.json(200, reply)])
            let client = AWSServiceClient(service: .ecs, context: context(transport, clock: ManualClock()))
            do {
                _ = try await client.json("ListServices", ListServicesInput(cluster: "c"), as: ListServicesOutput.self)
                XCTFail("expected an error for \(reply)")
            } catch let error as AWSError {
                XCTAssertEqual(error.code, "DeserializationError")
                XCTAssertTrue(error.description.hasPrefix("ECS ListServices failed: DeserializationError (HTTP 200): "), error.description)
                for text in SampleSecrets.texts(of: error) { secrets.assertNoLeak(in: text, reply) }
            } catch {
                XCTFail("unexpected \(error)")
            }
        }
        // The flexible date strategy, which reads strings, says "not a timestamp" without the string.
        XCTAssertThrowsError(try AWSJSON.decoder(for: .seconds).decode(Stamp.self, from: Data(#"{"at":"\#(secrets.sessionToken)"}"#.utf8))) { error in
            XCTAssertEqual(AWSJSON.describe(error), "at: unreadable value")
            var dumped = ""
            dump(error, to: &dumped)
            secrets.assertNoLeak(in: dumped, "the decoding error itself")
        }
        XCTAssertEqual(AWSJSON.describe(DecodingError.typeMismatch(Int.self, .init(codingPath: [], debugDescription: secrets.secretAccessKey))),
                       "the reply: not an Int")
    }

    /// Query replies: STS's are measured, ELBv2's quoted scrubbed, whether they are not XML or miss their result.
    func testQueryRepliesAreQuotedOnlyWithoutCredentials() async {
        let secrets = SampleSecrets(seed: 32)
        let notXML = "<AssumeRoleResponse><AssumeRoleResult><Credentials><SecretAccessKey>\(secrets.secretAccessKey)</SecretAccessKey><SessionToken>\(secrets.sessionToken.prefix(90))"
        let noResult = "<DescribeTargetHealthResponse><Other><Token>\(secrets.sessionToken)</Token></Other></DescribeTargetHealthResponse>"
        let transport = ScriptedTransport { request, _ in
            let body = String(decoding: request.body, as: UTF8.self)
            return ScriptedTransport.json(200, body.contains("DescribeTargetHealth") ? noResult : notXML)
        }
        let sts = STSClient(context: context(transport, clock: ManualClock()))
        await XCTAssertThrowsAWSError(try await sts.assumeRole(AssumeRoleRequest(roleArn: "arn:aws:iam::1:role/r", sessionName: "s")), code: "DeserializationError") { error in
            XCTAssertEqual(error.message, "reply is not XML (\(notXML.utf8.count) bytes)")
        }
        let elb = ELBv2Client(context: context(transport, clock: ManualClock()))
        await XCTAssertThrowsAWSError(try await elb.describeTargetHealth(targetGroupArn: "arn:tg"), code: "DeserializationError") { error in
            XCTAssertEqual(error.message, "no <DescribeTargetHealthResult> in the reply: [redacted]")
            for text in SampleSecrets.texts(of: error) { secrets.assertNoLeak(in: text, "ELBv2") }
        }
        let elbNotXML = ScriptedTransport(responses: [ScriptedTransport.json(200, notXML)])
        await XCTAssertThrowsAWSError(try await ELBv2Client(context: context(elbNotXML, clock: ManualClock())).describeTargetHealth(targetGroupArn: "arn:tg"),
                                      code: "DeserializationError") { error in
            XCTAssertTrue(error.message.hasPrefix("reply is not XML: [redacted] [redacted]"), error.message)
            for text in SampleSecrets.texts(of: error) { secrets.assertNoLeak(in: text, "ELBv2 not XML") }
        }
    }

    func testTimestampsInEveryForm() throws {
        struct Stamp: Decodable { let at: Date }
        let seconds = try AWSJSON.decoder(for: .seconds).decode(Stamp.self, from: Data(#"{"at":1700000000.25}"#.utf8))
        XCTAssertEqual(seconds.at.timeIntervalSince1970, 1_700_000_000.25, accuracy: 1e-6)
        let millis = try AWSJSON.decoder(for: .milliseconds).decode(Stamp.self, from: Data(#"{"at":1700000000250}"#.utf8))
        XCTAssertEqual(millis.at.timeIntervalSince1970, 1_700_000_000.25, accuracy: 1e-6)
        let iso = try AWSJSON.decoder(for: .seconds).decode(Stamp.self, from: Data(#"{"at":"2023-11-14T22:13:20.250Z"}"#.utf8))
        XCTAssertEqual(iso.at.timeIntervalSince1970, 1_700_000_000.25, accuracy: 1e-3)
        let zoneless = try AWSJSON.decoder(for: .seconds).decode(Stamp.self, from: Data(#"{"at":"2023-11-14T22:13:20.250000"}"#.utf8))
        XCTAssertEqual(zoneless.at.timeIntervalSince1970, 1_700_000_000.25, accuracy: 1e-3)
        XCTAssertThrowsError(try AWSJSON.decoder(for: .seconds).decode(Stamp.self, from: Data(#"{"at":"yesterday"}"#.utf8)))
        // The fast numeric path falls back to the flexible one for string timestamps.
        let viaFallback = try AWSJSON.decode(Stamp.self, from: Data(#"{"at":"2023-11-14T22:13:20Z"}"#.utf8), unit: .seconds)
        XCTAssertEqual(viaFallback.at.timeIntervalSince1970, 1_700_000_000, accuracy: 1e-3)
        let viaFast = try AWSJSON.decode(Stamp.self, from: Data(#"{"at":1700000000250}"#.utf8), unit: .milliseconds)
        XCTAssertEqual(viaFast.at.timeIntervalSince1970, 1_700_000_000.25, accuracy: 1e-6)
    }
}

/// Asserts that `expression` throws an `AWSError` with `code`, and hands it to `check` for more.
func XCTAssertThrowsAWSError<T>(_ expression: @autoclosure () async throws -> T, code: String, file: StaticString = #filePath, line: UInt = #line,
                                _ check: (AWSError) -> Void = { _ in }) async {
    do {
        _ = try await expression()
        XCTFail("expected AWSError \(code)", file: file, line: line)
    } catch let error as AWSError {
        XCTAssertEqual(error.code, code, file: file, line: line)
        check(error)
    } catch {
        XCTFail("expected AWSError \(code), got \(error)", file: file, line: line)
    }
}

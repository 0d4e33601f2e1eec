@testable import AWSClient
import Foundation
import TestSupport
import XCTest

/// The network transport against a real loopback server (the chaos proxy in front of a scripted answer): every way
/// a connection goes wrong comes back as a named `TransportError`, and cancelling a request never blocks.
final class AsyncHTTPTransportTests: XCTestCase {
    let settings = TransportSettings(connectTimeout: 1, requestTimeout: 2, maxResponseBytes: 1 << 20)

    func server(_ plan: FaultPlan, body: String = #"{"services":[]}"#) async throws -> ChaosProxy {
        let upstream = ScriptedTransport { _, _ in ScriptedTransport.json(200, body, headers: [("x-amzn-RequestId", "r-1")]) }
        return try await ChaosProxy.start(upstream: upstream, upstreamEndpoint: Endpoint(host: "upstream"), plan: plan)
    }

    func request(to proxy: ChaosProxy) -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.add("Host", proxy.endpoint.replacingOccurrences(of: "http://", with: ""))
        headers.add("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DescribeServices")
        return HTTPRequest(method: "POST", endpoint: Endpoint(url: proxy.endpoint)!, headers: headers, body: Data("{}".utf8))
    }

    func failure(_ plan: FaultPlan, body: String = #"{"services":[]}"#) async throws -> TransportError {
        let proxy = try await server(plan, body: body)
        defer { Task { await proxy.stop() } }
        do {
            let response = try await AsyncHTTPTransport(settings: settings).send(request(to: proxy))
            XCTFail("expected a transport error, got HTTP \(response.status)")
            throw CancellationError()
        } catch let error as TransportError {
            return error
        }
    }

    func testAnAnswerComesBackWhole() async throws {
        let proxy = try await server(.none)
        let response = try await AsyncHTTPTransport(settings: settings).send(request(to: proxy))
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), #"{"services":[]}"#)
        XCTAssertEqual(response.headers["x-amzn-requestid"], "r-1")
        await proxy.stop()
    }

    func testEachBrokenConnectionIsNamed() async throws {
        let silent = try await failure(FaultPlan(rules: [FaultRule(.hang(seconds: nil))]))
        XCTAssertEqual(silent.kind, .readTimeout, "accepted, then silent: a read timeout, not a connect timeout (\(silent))")
        XCTAssertTrue(silent.description.contains("sent nothing"), silent.description)

        let reset = try await failure(FaultPlan(rules: [FaultRule(.resetBeforeForwarding)]))
        XCTAssertEqual(reset.kind, .connectionReset, "\(reset)")
        let resetAfter = try await failure(FaultPlan(rules: [FaultRule(.resetAfterForwarding)]))
        XCTAssertEqual(resetAfter.kind, .connectionReset, "\(resetAfter)")
        let cut = try await failure(FaultPlan(rules: [FaultRule(.truncate)]), body: String(repeating: "x", count: 4000))
        XCTAssertEqual(cut.kind, .connectionReset, "a body cut short is not an answer (\(cut))")

        let huge = try await failure(.none, body: String(repeating: "x", count: 2 << 20))
        XCTAssertEqual(huge.kind, .responseTooLarge, "\(huge)")
        XCTAssertTrue(huge.description.contains("1 MiB"), huge.description)
    }

    func testNothingListeningIsAConnectionFailure() async throws {
        let nobody = HTTPRequest(method: "POST", endpoint: Endpoint(scheme: "http", host: "127.0.0.1", port: 9), body: Data("{}".utf8))
        do {
            _ = try await AsyncHTTPTransport(settings: settings).send(nobody)
            XCTFail("nothing listens on port 9")
        } catch let error as TransportError {
            XCTAssertEqual(error.kind, .connectionFailed, "\(error)")
            XCTAssertTrue(error.description.contains("127.0.0.1:9"), error.description)
        }
    }

    /// URLSession deadlocked when a task was cancelled as its request completed; here a cancelled request ends at
    /// once, whatever state it is in, and the transport goes on serving.
    func testCancellingRequestsNeverBlocks() async throws {
        let proxy = try await server(FaultPlan(rules: [FaultRule(.hang(seconds: nil), probability: 0.5)]), body: #"{"ok":true}"#)
        let transport = AsyncHTTPTransport(settings: TransportSettings(connectTimeout: 5, requestTimeout: 30))
        let request = request(to: proxy)
        for round in 0..<20 {
            let sends = (0..<8).map { _ in Task { try await transport.send(request) } }
            // Cancel some at once, others once answers are under way.
            if round % 2 == 1 { await Task.yield() }
            for send in sends { send.cancel() }
            for send in sends { _ = try? await send.value }
        }
        proxy.setPlan(.none)
        let after = try await transport.send(request)
        XCTAssertEqual(after.status, 200)
        await proxy.stop()
    }
}

/// `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` as botocore reads them (through Python's urllib).
final class ProxySettingsTests: XCTestCase {
    func testProxiesByScheme() {
        let settings = ProxySettings(environment: ["HTTPS_PROXY": "http://user:p%40ss@proxy.corp:3128", "http_proxy": "proxy.corp:8080"])
        let https = settings.server(for: Endpoint(host: "ecs.eu-west-1.amazonaws.com"))
        XCTAssertEqual(https, ProxySettings.Server(host: "proxy.corp", port: 3128, user: "user", password: "p@ss"))
        XCTAssertEqual(settings.server(for: Endpoint(scheme: "http", host: "127.0.0.1", port: 5000))?.port, 8080)
        XCTAssertNil(ProxySettings(environment: ["HTTP_PROXY": "http://p:1"]).server(for: Endpoint(host: "ecs.amazonaws.com")),
                     "an http proxy is not used for https endpoints")
    }

    func testLowerCaseWinsAndEmptyIsNone() {
        let settings = ProxySettings(environment: ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2"])
        XCTAssertEqual(settings.https?.host, "lower")
        XCTAssertNil(ProxySettings(environment: ["HTTPS_PROXY": "  "]).https)
        XCTAssertNil(ProxySettings(environment: ["HTTPS_PROXY": "socks5://p:1"]).https, "not an http proxy: ignored, as urllib ignores it")
        XCTAssertEqual(ProxySettings(environment: ["HTTPS_PROXY": "https://p:1"]).https?.usesTLS, true)
    }

    func testNoProxyMatchesHostsSubdomainsAndPorts() {
        let settings = ProxySettings(environment: ["HTTPS_PROXY": "http://p:1", "HTTP_PROXY": "http://p:1", "NO_PROXY": " .amazonaws.com, localhost ,10.0.0.1:8443"])
        XCTAssertNil(settings.server(for: Endpoint(host: "ecs.eu-west-1.amazonaws.com")))
        XCTAssertNil(settings.server(for: Endpoint(host: "amazonaws.com")))
        XCTAssertNotNil(settings.server(for: Endpoint(host: "notamazonaws.com")), "a suffix match needs the dot")
        XCTAssertNil(settings.server(for: Endpoint(scheme: "http", host: "LOCALHOST", port: 5000)))
        XCTAssertNil(settings.server(for: Endpoint(host: "10.0.0.1", port: 8443)))
        XCTAssertNotNil(settings.server(for: Endpoint(host: "10.0.0.1")))
        XCTAssertNil(ProxySettings(environment: ["HTTPS_PROXY": "http://p:1", "no_proxy": "*"]).server(for: Endpoint(host: "any.example")))
    }

    func testAnHTTPSProxyURLIsRefusedNotIgnored() async {
        let transport = AsyncHTTPTransport(settings: TransportSettings(proxies: ProxySettings(environment: ["HTTPS_PROXY": "https://proxy.corp:3128"])))
        do {
            _ = try await transport.send(HTTPRequest(method: "POST", endpoint: Endpoint(host: "ecs.eu-west-1.amazonaws.com")))
            XCTFail("an https:// proxy cannot be used")
        } catch {
            XCTAssertTrue("\(error)".contains("use http://"), "\(error)")
        }
    }
}

import AWSClient
import Foundation
import NIOCore
import NIOHTTP1

/// One client connection of the chaos proxy: collects each request, asks the plan what to do, and either
/// answers itself or passes the request upstream and answers with what came back (or a corrupted version).
package final class ChaosHandler: ChannelInboundHandler, RemovableChannelHandler {
    package typealias InboundIn = HTTPServerRequestPart
    package typealias OutboundOut = HTTPServerResponsePart

    private let route: ChaosRoute
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    package init(route: ChaosRoute) {
        self.route = route
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.clear()
        case .body(var part):
            body.writeBuffer(&part)
        case .end:
            guard let head else { return }
            self.head = nil
            handle(head, body: Data(body.readableBytesView), context: context)
        }
    }

    private func handle(_ head: HTTPRequestHead, body: Data, context: ChannelHandlerContext) {
        let headers = head.headers.map { (name: $0.name, value: $0.value) }
        var request = ChaosRequest(headers: headers, body: body)
        let keepAlive = head.isKeepAlive
        switch route.state.decide(&request, now: Date()) {
        case .skewed(let awsNow):
            let message = "Signature expired: \(request.signedAt.map(Self.amzDate) ?? "?") is now earlier than \(Self.amzDate(awsNow.addingTimeInterval(-300))) (\(Self.amzDate(awsNow)) - 5 min.)"
            let code = request.isQueryProtocol ? "SignatureDoesNotMatch" : "InvalidSignatureException"
            respond(status: 403, headers: [("Date", Self.httpDate(awsNow))], body: FaultBodies.error(code: code, message: message, query: request.isQueryProtocol),
                    keepAlive: keepAlive, context: context)
        case .forward:
            forward(head, body: body, request: request, fault: nil, context: context)
        case .fault(let fault):
            inject(fault, head: head, body: body, request: request, context: context)
        }
    }

    private func inject(_ fault: Fault, head: HTTPRequestHead, body: Data, request: ChaosRequest, context: ChannelHandlerContext) {
        let keepAlive = head.isKeepAlive
        switch fault {
        case .throttle:
            let code = request.isQueryProtocol ? "Throttling" : "ThrottlingException"
            respond(status: 400, headers: [], body: FaultBodies.error(code: code, message: "Rate exceeded", query: request.isQueryProtocol),
                    keepAlive: keepAlive, context: context)
        case .expiredToken:
            let code = request.isQueryProtocol ? "ExpiredToken" : "ExpiredTokenException"
            respond(status: request.isQueryProtocol ? 403 : 400, headers: [],
                    body: FaultBodies.error(code: code, message: "The security token included in the request is expired", query: request.isQueryProtocol),
                    keepAlive: keepAlive, context: context)
        case .htmlPage(let status):
            respond(status: status, headers: [("Content-Type", "text/html")], body: FaultBodies.html(status: status), keepAlive: keepAlive, context: context)
        case .resetBeforeForwarding:
            reset(context)
        case .hang(let seconds):
            // Nothing is answered; the connection closes after `seconds`, or when the client gives up.
            if let seconds {
                let channel = context.channel
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) { channel.close(promise: nil) }
            }
        case .wrongBody(let kind) where kind == .emptyObject || kind == .string || kind == .garbage || kind == .deepNesting:
            respond(status: 200, headers: [("Content-Type", "application/x-amz-json-1.1")], body: FaultBodies.wrong(kind, real: nil),
                    keepAlive: keepAlive, context: context)
        case .resetAfterForwarding, .truncate, .wrongBody:
            forward(head, body: body, request: request, fault: fault, context: context)
        }
    }

    /// Passes the request upstream as it came (its signed `Host` included) and answers on this channel's loop.
    private func forward(_ head: HTTPRequestHead, body: Data, request: ChaosRequest, fault: Fault?, context: ChannelHandlerContext) {
        var headers = AWSClient.HTTPHeaders()
        for field in head.headers where !Self.hopByHop.contains(field.name.lowercased()) { headers.add(field.name, field.value) }
        let outgoing = HTTPRequest(method: head.method.rawValue, endpoint: route.upstreamEndpoint, path: head.uri, headers: headers, body: body)
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let keepAlive = head.isKeepAlive
        Self.send(outgoing, request: request, fault: fault, route: route) { result in
            bound.eventLoop.execute {
                let (handler, context) = bound.value
                handler.deliver(result, fault: fault, keepAlive: keepAlive, context: context)
            }
        }
    }

    private static func send(_ outgoing: HTTPRequest, request: ChaosRequest, fault: Fault?, route: ChaosRoute,
                             then finish: @escaping @Sendable (Result<HTTPResponse, any Error>) -> Void) {
        Task {
            do {
                var response = try await route.upstream.send(outgoing)
                if response.isSuccess { learnKeys(from: response, request: request, state: route.state) }
                // A lie built from a big answer takes a while: build it here, not on the event loop.
                if case .wrongBody(let kind) = fault, response.isSuccess { response.body = FaultBodies.wrong(kind, real: response.body) }
                finish(.success(response))
            } catch {
                finish(.failure(error))
            }
        }
    }

    private func deliver(_ result: Result<HTTPResponse, any Error>, fault: Fault?, keepAlive: Bool, context: ChannelHandlerContext) {
        guard case .success(let response) = result else {
            respond(status: 502, headers: [("Content-Type", "text/html")], body: FaultBodies.html(status: 502), keepAlive: false, context: context)
            return
        }
        let headers = response.headers.fields.filter { !Self.hopByHop.contains($0.name.lowercased()) }.map { ($0.name, $0.value) }
        switch fault {
        case .resetAfterForwarding:
            reset(context)
        case .truncate:
            // The head promises the whole body; half of it arrives, then the connection ends.
            var head = NIOHTTP1.HTTPHeaders(headers)
            head.replaceOrAdd(name: "Content-Length", value: "\(response.body.count)")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: response.status), headers: head))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body.prefix(response.body.count / 2))))), promise: nil)
            let channel = context.channel
            context.flush()
            context.eventLoop.scheduleTask(in: .milliseconds(20)) { channel.close(promise: nil) }
        case .wrongBody where response.isSuccess:
            respond(status: 200, headers: headers, body: response.body, keepAlive: keepAlive, context: context)
        default:
            respond(status: response.status, headers: headers, body: response.body, keepAlive: keepAlive, context: context)
        }
    }

    private func respond(status: Int, headers: [(String, String)], body: Data, keepAlive: Bool, context: ChannelHandlerContext) {
        var head = NIOHTTP1.HTTPHeaders(headers)
        head.replaceOrAdd(name: "Content-Length", value: "\(body.count)")
        if !keepAlive { head.replaceOrAdd(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: head))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            written.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    /// Closes with SO_LINGER 0, so the client sees a reset (RST), not an orderly end.
    private func reset(_ context: ChannelHandlerContext) {
        let channel = context.channel
        guard let socket = channel as? any SocketOptionProvider else { return channel.close(promise: nil) }
        socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
    }

    package func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// An AssumeRole answer names the keys of a role whose ARN names its account: remember which is whose.
    private static func learnKeys(from response: HTTPResponse, request: ChaosRequest, state: ChaosState) {
        guard request.operation == "AssumeRole" || request.operation == "AssumeRoleWithWebIdentity",
              let arn = request.form["RoleArn"], case let parts = arn.split(separator: ":", omittingEmptySubsequences: false), parts.count > 4,
              let key = XMLText.first("AccessKeyId", in: response.body) else { return }
        state.learn(accessKeyId: key, account: String(parts[4]))
    }

    package static let hopByHop: Set<String> = ["connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection", "upgrade", "te", "trailer"]

    package static func amzDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    package static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
